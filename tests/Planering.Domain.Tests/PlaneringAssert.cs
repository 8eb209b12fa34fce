using Planering.Domain.Errors;

namespace Planering.Domain.Tests;

/// <summary>Assertions on the one domain error type, shared by the test folders.</summary>
internal static class PlaneringAssert
{
    /// <summary>Asserts that the call is refused as an invalid argument naming exactly these fields, in this order.</summary>
    public static PlaneringException Invalid(Action call, params string[] fields)
    {
        var error = Assert.Throws<PlaneringException>(call);
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal(fields, error.Violations.Select(v => v.Field));
        return error;
    }

    /// <inheritdoc cref="Invalid(Action, string[])"/>
    public static PlaneringException Invalid(Func<object?> call, params string[] fields) => Invalid(() => { _ = call(); }, fields);
}
