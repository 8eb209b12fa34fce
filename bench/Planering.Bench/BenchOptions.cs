using System.Globalization;

namespace Planering.Bench;

/// <summary>
/// The command line: <c>[quick] [smoke] [--huvudman=N] [section …]</c>. Sections: slot-search, forecast, planning, load, scale, import, fault,
/// calibration (none named: all). <c>quick</c> shortens every measurement and scales 10,000 huvudmän instead of 100,000.
/// </summary>
public sealed record BenchOptions(bool Quick, bool Smoke, int Huvudman, IReadOnlySet<string> Sections)
{
    public static readonly IReadOnlyList<string> AllSections = ["slot-search", "forecast", "planning", "load", "scale", "import", "fault", "calibration", "web", "term"];

    public const int FullHuvudman = 100_000;

    public const int QuickHuvudman = 10_000;

    private const string HuvudmanPrefix = "--huvudman=";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains("quick");
        int? huvudman = null;
        var sections = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in args.Where(a => a is not ("quick" or "smoke")))
        {
            if (arg.StartsWith(HuvudmanPrefix, StringComparison.Ordinal))
            {
                huvudman = int.TryParse(arg.AsSpan(HuvudmanPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 100 and <= Scale.SyntheticRegister.MaxCount
                    ? n
                    : throw new ArgumentException($"{arg}: the count must be a whole number between 100 and {Scale.SyntheticRegister.MaxCount}");
            }
            else if (AllSections.Contains(arg))
            {
                sections.Add(arg);
            }
            else
            {
                throw new ArgumentException($"unknown argument '{arg}'; expected quick, smoke, {HuvudmanPrefix}N or one of: {string.Join(", ", AllSections)}");
            }
        }

        return new BenchOptions(quick, args.Contains("smoke"), huvudman ?? (quick ? QuickHuvudman : FullHuvudman), sections);
    }

    public bool Wants(string section) => Sections.Count == 0 || Sections.Contains(section);
}
