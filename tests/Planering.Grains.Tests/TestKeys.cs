
namespace Planering.Grains.Tests;

/// <summary>Fresh, valid keys so that tests sharing one cluster never touch each other's grains.</summary>
internal static class TestKeys
{
    private static int _next = Random.Shared.Next(0, 500_000);

    /// <summary>A valid organisation number in a range the seed never uses (the 9… series).</summary>
    public static string OrganisationNumber() =>
        Planering.Domain.Registry.OrganisationNumber.FromNineDigits($"9{Interlocked.Increment(ref _next):D8}").Value;

    public static string OfficeId(string prefix = "office") => $"{prefix}-{Interlocked.Increment(ref _next)}";
}
