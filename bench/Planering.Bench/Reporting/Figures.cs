using System.Globalization;

namespace Planering.Bench.Reporting;

/// <summary>How figures are written in the report: invariant culture, a precision that matches their noise.</summary>
public static class Figures
{
    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => milliseconds switch
    {
        double.NaN => "n/a",
        < 1 => milliseconds.ToString("F3", CultureInfo.InvariantCulture),
        < 100 => milliseconds.ToString("F2", CultureInfo.InvariantCulture),
        _ => milliseconds.ToString("F0", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double ratio) => ratio.ToString("F3", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):F1} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} B"),
    };

    public static string Verdict(bool met) => met ? "**met**" : "**missed**";
}
