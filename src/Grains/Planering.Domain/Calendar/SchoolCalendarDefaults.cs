using System.Collections.Frozen;
using System.Globalization;

namespace Planering.Domain.Calendar;

/// <summary>One kommun's shipped default rule and the published evidence it was set from.</summary>
public sealed record KommunCalendarDefault(string Kommunkod, string Name, KommunLovRule Rule, string Evidence);

/// <summary>
/// The per-kommun defaults shipped with Planering (Calendar/Data/kommun-lov.csv): every office kommun, the ten largest
/// kommuner, and the kommuner whose published läsårstider differ from their län's. Each row names its evidence; an empty
/// cell inherits the län's sportlov week or the national rule (<see cref="SchoolHolidayRules.Default"/>).
/// </summary>
public static class SchoolCalendarDefaults
{
    private static readonly Lazy<FrozenDictionary<string, KommunCalendarDefault>> Loaded = new(Load);

    /// <summary>The shipped rows by kommunkod.</summary>
    public static IReadOnlyDictionary<string, KommunCalendarDefault> Kommuner => Loaded.Value;

    /// <summary>The shipped rule of a kommun, or <see cref="KommunLovRule.None"/> when it has no row.</summary>
    public static KommunLovRule RuleOf(string kommunkod) => Loaded.Value.TryGetValue(kommunkod, out var row) ? row.Rule : KommunLovRule.None;

    private static FrozenDictionary<string, KommunCalendarDefault> Load()
    {
        using var stream = typeof(SchoolCalendarDefaults).Assembly.GetManifestResourceStream("Planering.Domain.Calendar.Data.kommun-lov.csv")
            ?? throw new InvalidOperationException("embedded data file kommun-lov.csv is missing");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<KommunCalendarDefault>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            // The evidence is the last column and may hold commas; the file is otherwise plain (no quoted fields).
            var cells = line.Split(',', header.Length);
            string Cell(string name) => cells[Array.IndexOf(header, name)].Trim();
            int? Number(string name) => Cell(name) is { Length: > 0 } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
            var rule = new KommunLovRule
            {
                SportlovWeek = Number("sportlov_week"),
                Pasklov = Cell("pasklov_rule") switch
                {
                    "" => null,
                    "week_after" => PasklovRule.WeekAfterEaster,
                    "week_before" => PasklovRule.WeekBeforeEaster,
                    "week_after_unless_late" => PasklovRule.WeekAfterUnlessLateEaster,
                    "fixed_week" => PasklovRule.FixedWeek,
                    var other => throw new InvalidOperationException($"kommun-lov.csv: unknown pasklov_rule '{other}'"),
                },
                PasklovWeek = Number("pasklov_week"),
                LastSchoolDayJune = Number("last_school_day_june"),
                LastSchoolDayWeekday = Cell("last_school_day_weekday") is { Length: > 0 } day ? Enum.Parse<DayOfWeek>(day, ignoreCase: true) : null,
                FirstSchoolDayAugust = Number("first_school_day_august"),
                LastSchoolDayDecember = Number("last_school_day_december"),
                FirstSchoolDayJanuary = Number("first_school_day_january"),
            };
            rows.Add(new KommunCalendarDefault(Cell("kommunkod"), Cell("kommun"), rule, Cell("evidence")));
        }

        return rows.ToFrozenDictionary(r => r.Kommunkod, StringComparer.Ordinal);
    }
}
