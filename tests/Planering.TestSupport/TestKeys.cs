using Planering.Domain.Registry;

namespace Planering.TestSupport;

/// <summary>Fresh, valid keys per test, so tests sharing one silo never see each other's huvudmän or offices.</summary>
public static class TestKeys
{
    private static int _next = Random.Shared.Next(100_000, 900_000);

    /// <summary>A valid organisation number in a series no seed uses (the 9… series; the seed's start with 212 and 559).</summary>
    public static string OrganisationNumber() =>
        Planering.Domain.Registry.OrganisationNumber.FromNineDigits($"9{Interlocked.Increment(ref _next):D8}").Value;

    /// <summary>The same number with its check digit changed: a Luhn error.</summary>
    public static string WithWrongCheckDigit(string number) => number[..9] + (char)('0' + ((number[9] - '0' + 1) % 10));

    public static string OfficeId(string prefix = "office") => $"{prefix}-{Interlocked.Increment(ref _next)}";
}
