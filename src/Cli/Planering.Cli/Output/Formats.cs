using System.Globalization;
using Planering.Contracts.V1;

namespace Planering.Cli.Output;

/// <summary>How numbers, modes and types read in tables: invariant culture, so output is the same on every machine.</summary>
public static class Formats
{
    public static string Number(double value, int decimals = 0) => value.ToString($"N{decimals}", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Mode(DialogueMode mode) => mode switch
    {
        DialogueMode.Digital => "digital",
        DialogueMode.OnSite => "on-site",
        DialogueMode.Any => "any",
        _ => "-",
    };

    public static string Type(HuvudmanType type) => type switch
    {
        HuvudmanType.Municipal => "kommun",
        HuvudmanType.Independent => "enskild",
        HuvudmanType.Region => "region",
        HuvudmanType.State => "stat",
        _ => "-",
    };

    public static string Status(DialogueStatus status) => status switch
    {
        DialogueStatus.Booked => "booked",
        DialogueStatus.Cancelled => "cancelled",
        DialogueStatus.Held => "held",
        _ => "-",
    };

    public static string Lov(LovKind kind) => kind switch
    {
        LovKind.Sportlov => "sportlov",
        LovKind.Pasklov => "påsklov",
        LovKind.Hostlov => "höstlov",
        LovKind.Jullov => "jullov",
        LovKind.Sommarlov => "sommarlov",
        _ => "-",
    };

    /// <summary>Working days as "mon–fri" when they are the five weekdays (or none are given, which means the same), else listed.</summary>
    public static string Weekdays(IReadOnlyCollection<Weekday> days)
    {
        var ordered = days.Distinct().Order().ToList();
        return ordered.Count == 0 || ordered.SequenceEqual([Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday, Weekday.Friday])
            ? "mon–fri"
            : string.Join(",", ordered.Select(d => d.ToString()[..3].ToLowerInvariant()));
    }

    public static string Instant(Google.Protobuf.WellKnownTypes.Timestamp? instant) =>
        instant is null ? "-" : instant.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Marks an organisation number the seed generated, so it is never read as a real one.</summary>
    public const string GeneratedMark = "†";

    public static string OrganisationNumber(Huvudman huvudman) =>
        huvudman.OrganisationNumberSynthetic ? $"{huvudman.OrganisationNumber} {GeneratedMark}" : huvudman.OrganisationNumber;

    public static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "-" : value;
}
