using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Planering.Domain.Errors;
using Planering.Domain.World;

namespace Planering.Domain.Calendar;

/// <summary>
/// The school holidays (lov) of every kommun: the defaults (sportlov by län, the rest by <see cref="SchoolHolidayRules"/>)
/// with the kommuner's own overrides per year and kind laid on top. Immutable: changing an override gives a new calendar.
/// </summary>
/// <remarks>
/// A kommun's lov for a year are computed on first use and kept (the object stays observably immutable and thread-safe),
/// because slot searches ask about the same kommun and year many times.
/// </remarks>
public sealed class SchoolHolidayCalendar
{
    private readonly SwedishGeography _geography;
    private readonly FrozenDictionary<OverrideKey, LovOverride> _overrides;
    private readonly ConcurrentDictionary<(string Kommunkod, int Year), IReadOnlyList<LovPeriod>> _periods = new();

    private SchoolHolidayCalendar(SwedishGeography geography, SchoolHolidayRules rules, FrozenDictionary<OverrideKey, LovOverride> overrides)
    {
        _geography = geography;
        Rules = rules;
        _overrides = overrides;
        Overrides = overrides.Values
            .OrderBy(o => o.Kommunkod, StringComparer.Ordinal)
            .ThenBy(o => o.Year)
            .ThenBy(o => o.Kind)
            .ToList();
    }

    public SchoolHolidayRules Rules { get; }

    /// <summary>The kommuner's overrides, ordered by kommunkod, year and kind.</summary>
    public IReadOnlyList<LovOverride> Overrides { get; }

    /// <summary>
    /// Validates the rules and every override (violations named <c>overrides[i].field</c>; one kommun, year and kind may
    /// appear once) and builds the calendar.
    /// </summary>
    public static SchoolHolidayCalendar Create(
        SwedishGeography geography, SchoolHolidayRules? rules = null, IEnumerable<LovOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(geography);
        rules ??= SchoolHolidayRules.Default;
        rules.Validate();

        var violations = new Violations();
        var byKey = new Dictionary<OverrideKey, LovOverride>();
        var index = 0;
        foreach (var lovOverride in overrides ?? [])
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"overrides[{index++}].");
            if (lovOverride is null)
            {
                violations.Add(prefix.TrimEnd('.'), "must not be empty");
                continue;
            }

            lovOverride.Check(violations, prefix, geography);
            if (!byKey.TryAdd(OverrideKey.Of(lovOverride), lovOverride))
            {
                violations.Add(prefix + "kind", "this kommun, year and kind is overridden twice");
            }
        }

        violations.ThrowIfAny();
        return new SchoolHolidayCalendar(geography, rules, byKey.ToFrozenDictionary());
    }

    /// <summary>A calendar with this override added, or replacing the one for the same kommun, year and kind.</summary>
    public SchoolHolidayCalendar WithOverride(LovOverride lovOverride)
    {
        ArgumentNullException.ThrowIfNull(lovOverride);
        var violations = new Violations();
        lovOverride.Check(violations, string.Empty, _geography);
        violations.ThrowIfAny();

        var next = new Dictionary<OverrideKey, LovOverride>(_overrides) { [OverrideKey.Of(lovOverride)] = lovOverride };
        return new SchoolHolidayCalendar(_geography, Rules, next.ToFrozenDictionary());
    }

    /// <summary>A calendar where the kommun's lov of this year and kind is the default again.</summary>
    public SchoolHolidayCalendar WithoutOverride(string kommunkod, int year, LovKind kind)
    {
        var key = new OverrideKey(kommunkod, year, kind);
        if (!_overrides.ContainsKey(key))
        {
            return this;
        }

        return new SchoolHolidayCalendar(_geography, Rules, _overrides.Where(p => p.Key != key).ToFrozenDictionary());
    }

    /// <summary>
    /// The lov that belong to <paramref name="year"/> for the kommun, ordered by start date: sportlov, påsklov, sommarlov,
    /// höstlov and the jullov that starts in December (and ends in January of the next year).
    /// </summary>
    public IReadOnlyList<LovPeriod> LovPeriods(string kommunkod, int year)
    {
        if (!_geography.TryGetKommun(kommunkod, out var kommun))
        {
            throw PlaneringException.Invalid("kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        }

        SwedishHolidays.RequireYear(year, "year");
        return _periods.GetOrAdd((kommun.Kommunkod, year), key => Compute(key.Kommunkod, key.Year));
    }

    /// <summary>True when the kommun's schools are on lov that day; <paramref name="lov"/> says which.</summary>
    /// <remarks>A weekend day outside a lov is not a school holiday by this answer, only a day without school.</remarks>
    public bool IsSchoolHoliday(string kommunkod, DateOnly date, [NotNullWhen(true)] out LovPeriod? lov)
    {
        SwedishHolidays.RequireYear(date.Year, "date");

        // Last year's lov can reach into this year (jullov always does), so both years are looked at.
        var years = date.Year > SwedishHolidays.MinYear ? new[] { date.Year - 1, date.Year } : [date.Year];
        foreach (var year in years)
        {
            foreach (var period in LovPeriods(kommunkod, year))
            {
                if (period.Contains(date))
                {
                    lov = period;
                    return true;
                }
            }
        }

        lov = null;
        return false;
    }

    private List<LovPeriod> Compute(string kommunkod, int year)
    {
        var easter = EasterComputus.EasterSunday(year);
        var sportlov = Week(year, _geography.LanOf(kommunkod).SportlovWeek);
        var pasklov = Rules.Pasklov == PasklovRule.WeekBeforeEaster
            ? (easter.AddDays(-6), easter.AddDays(-2))
            : (easter.AddDays(1), easter.AddDays(5));
        var sommarlovStart = CalendarDays.FirstOnOrAfter(new DateOnly(year, 6, Rules.SommarlovStartJuneDay), DayOfWeek.Monday);
        var schoolStart = CalendarDays.FirstOnOrAfter(new DateOnly(year, 8, Rules.SchoolStartAugustDay), DayOfWeek.Monday);
        var defaults = new (LovKind Kind, (DateOnly Start, DateOnly End) Dates)[]
        {
            (LovKind.Sportlov, sportlov),
            (LovKind.Pasklov, pasklov),
            (LovKind.Sommarlov, (sommarlovStart, schoolStart.AddDays(-3))),
            (LovKind.Hostlov, Week(year, Rules.HostlovWeek)),
            (LovKind.Jullov, (new DateOnly(year, 12, Rules.JullovStartDecemberDay), new DateOnly(year + 1, 1, Rules.JullovEndJanuaryDay))),
        };

        return defaults
            .Select(d => _overrides.TryGetValue(new OverrideKey(kommunkod, year, d.Kind), out var own)
                ? ToPeriod(d.Kind, own.Dates(), overridden: true)
                : ToPeriod(d.Kind, d.Dates, overridden: false))
            .OrderBy(p => p.Start)
            .ThenBy(p => p.Kind)
            .ToList();
    }

    private static (DateOnly Start, DateOnly End) Week(int year, int week)
    {
        // A län default of week 53 in a 52-week year falls back to week 52 rather than failing the whole calendar.
        var monday = IsoWeeks.Monday(year, Math.Min(week, IsoWeeks.WeeksInYear(year)));
        return (monday, monday.AddDays(4));
    }

    private static LovPeriod ToPeriod(LovKind kind, (DateOnly Start, DateOnly End) dates, bool overridden) =>
        new(kind, dates.Start, dates.End, overridden);

    private readonly record struct OverrideKey(string Kommunkod, int Year, LovKind Kind)
    {
        public static OverrideKey Of(LovOverride o) => new(o.Kommunkod, o.Year, o.Kind);
    }
}
