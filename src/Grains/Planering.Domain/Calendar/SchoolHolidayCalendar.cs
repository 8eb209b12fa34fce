using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Planering.Domain.Errors;
using Planering.Domain.World;

namespace Planering.Domain.Calendar;

/// <summary>
/// The school holidays (lov) of every kommun and of every independent huvudman with its own calendar, in four layers,
/// most general first: the national rules (<see cref="SchoolHolidayRules"/>, sportlov in the län's week); the shipped
/// per-kommun defaults (<see cref="SchoolCalendarDefaults"/>); the rules planners set per kommun; and dates imported from
/// published school calendars (<see cref="SchoolCalendarEntry"/>), a huvudman's own before its kommun's.
/// Immutable: a change gives a new calendar.
/// </summary>
/// <remarks>
/// A calendar's lov for a kommun and year are computed on first use and kept (the object stays observably immutable and
/// thread-safe), because slot searches and capacity sums ask about the same kommun and year many times.
/// </remarks>
public sealed class SchoolHolidayCalendar
{
    private readonly SwedishGeography _geography;
    private readonly FrozenDictionary<string, KommunLovRule> _kommunRules;
    private readonly FrozenDictionary<EntryKey, SchoolCalendarEntry> _entries;
    private readonly FrozenSet<string> _ownCalendars;
    private readonly ConcurrentDictionary<string, (SchoolHolidayRules Rules, KommunLovRule Own)> _rules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Kommunkod, string? Huvudman, int Year), IReadOnlyList<LovPeriod>> _periods = new();

    private SchoolHolidayCalendar(
        SwedishGeography geography, SchoolHolidayRules rules, FrozenDictionary<string, KommunLovRule> kommunRules,
        FrozenDictionary<EntryKey, SchoolCalendarEntry> entries)
    {
        _geography = geography;
        Rules = rules;
        _kommunRules = kommunRules;
        _entries = entries;
        _ownCalendars = entries.Keys.Where(k => k.OrganisationNumber is not null).Select(k => k.OrganisationNumber!).ToFrozenSet(StringComparer.Ordinal);
        Entries = entries.Values
            .OrderBy(e => e.Kommunkod, StringComparer.Ordinal)
            .ThenBy(e => e.OrganisationNumber ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(e => e.SchoolYear)
            .ThenBy(e => e.Kind)
            .ToList();
    }

    /// <summary>The national rules under every kommun's own.</summary>
    public SchoolHolidayRules Rules { get; }

    /// <summary>The rules planners set per kommun (over the shipped defaults).</summary>
    public IReadOnlyDictionary<string, KommunLovRule> KommunRules => _kommunRules;

    /// <summary>The imported rows, ordered by kommunkod, huvudman, school year and kind.</summary>
    public IReadOnlyList<SchoolCalendarEntry> Entries { get; }

    /// <summary>
    /// Validates the rules, every kommun rule (named <c>kommun_rules[kod].field</c>) and every row (named <c>rows[i].field</c>;
    /// one calendar, school year and kind may appear once) and builds the calendar.
    /// </summary>
    public static SchoolHolidayCalendar Create(
        SwedishGeography geography, SchoolHolidayRules? rules = null, IReadOnlyDictionary<string, KommunLovRule>? kommunRules = null,
        IEnumerable<SchoolCalendarEntry>? entries = null)
    {
        ArgumentNullException.ThrowIfNull(geography);
        rules ??= SchoolHolidayRules.Default;
        rules.Validate();

        var violations = new Violations();
        var ruleByKommun = new Dictionary<string, KommunLovRule>(StringComparer.Ordinal);
        foreach (var (kommunkod, rule) in kommunRules ?? FrozenDictionary<string, KommunLovRule>.Empty)
        {
            var prefix = $"kommun_rules[{kommunkod}].";
            if (!geography.TryGetKommun(kommunkod, out _))
            {
                violations.Add(prefix + "kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
                continue;
            }

            rule.Over(SchoolCalendarDefaults.RuleOf(kommunkod)).Check(violations, prefix, rules);
            if (!rule.IsEmpty)
            {
                ruleByKommun[kommunkod] = rule;
            }
        }

        var byKey = Checked(entries ?? [], geography, violations, "rows");
        violations.ThrowIfAny();
        return new SchoolHolidayCalendar(geography, rules, ruleByKommun.ToFrozenDictionary(StringComparer.Ordinal), byKey.ToFrozenDictionary());
    }

    /// <summary>
    /// This calendar with <paramref name="rows"/> imported: each replaces the row of the same calendar, school year and
    /// kind. Every row is checked first (named <c>rows[i].field</c>, i counted from 0); one bad row and nothing is imported.
    /// </summary>
    public SchoolCalendarImport Import(IReadOnlyList<SchoolCalendarEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var violations = new Violations();
        var incoming = Checked(rows, _geography, violations, "rows");
        violations.ThrowIfAny();

        var next = new Dictionary<EntryKey, SchoolCalendarEntry>(_entries);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var (key, row) in incoming)
        {
            if (!_entries.TryGetValue(key, out var current))
            {
                added++;
            }
            else if (current == row)
            {
                unchanged++;
                continue;
            }
            else
            {
                changed++;
            }

            next[key] = row;
        }

        var calendar = added + changed == 0 ? this : new SchoolHolidayCalendar(_geography, Rules, _kommunRules, next.ToFrozenDictionary());
        return new SchoolCalendarImport(calendar, added, changed, unchanged);
    }

    /// <summary>
    /// This calendar with the kommun's own rule replaced by <paramref name="rule"/> (laid over the shipped default;
    /// <see cref="KommunLovRule.None"/> goes back to it). Every setting is checked first, named by its field.
    /// </summary>
    public SchoolHolidayCalendar WithKommunRule(string kommunkod, KommunLovRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!_geography.TryGetKommun(kommunkod, out var kommun))
        {
            throw PlaneringException.Invalid("kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        }

        rule.Over(SchoolCalendarDefaults.RuleOf(kommun.Kommunkod)).Validate(Rules);
        var next = new Dictionary<string, KommunLovRule>(_kommunRules, StringComparer.Ordinal);
        if (rule.IsEmpty)
        {
            next.Remove(kommun.Kommunkod);
        }
        else
        {
            next[kommun.Kommunkod] = rule;
        }

        return new SchoolHolidayCalendar(_geography, Rules, next.ToFrozenDictionary(StringComparer.Ordinal), _entries);
    }

    /// <summary>The rules that decide a kommun's lov (national, shipped, set) and the part that is the kommun's own.</summary>
    public (SchoolHolidayRules Effective, KommunLovRule Own) RulesOf(string kommunkod)
    {
        var kommun = Kommun(kommunkod);
        return _rules.GetOrAdd(kommun.Kommunkod, code =>
        {
            var own = (_kommunRules.GetValueOrDefault(code) ?? KommunLovRule.None).Over(SchoolCalendarDefaults.RuleOf(code));
            var lanWeek = Rules with { SportlovWeek = Rules.SportlovWeek ?? _geography.LanOf(code).SportlovWeek };
            return (own.ApplyTo(lanWeek), own);
        });
    }

    /// <summary>True when the huvudman has imported rows of its own (an independent huvudman's calendar).</summary>
    public bool HasOwnCalendar(string? organisationNumber) => organisationNumber is not null && _ownCalendars.Contains(organisationNumber);

    /// <summary>
    /// The lov that belong to <paramref name="year"/> for the kommun (or, with <paramref name="organisationNumber"/>, for
    /// that huvudman: its own imported rows first, then its kommun's), ordered by start date: sportlov, påsklov, sommarlov,
    /// höstlov and the jullov that starts in December (and ends in January of the next year).
    /// </summary>
    public IReadOnlyList<LovPeriod> LovPeriods(string kommunkod, int year, string? organisationNumber = null)
    {
        var kommun = Kommun(kommunkod);
        SwedishHolidays.RequireYear(year, "year");
        var huvudman = HasOwnCalendar(organisationNumber) ? organisationNumber : null;
        return _periods.GetOrAdd((kommun.Kommunkod, huvudman, year), key => Compute(key.Kommunkod, key.Huvudman, key.Year));
    }

    /// <summary>True when the kommun's schools are on lov that day; <paramref name="lov"/> says which.</summary>
    /// <remarks>A weekend day outside a lov is not a school holiday by this answer, only a day without school.</remarks>
    public bool IsSchoolHoliday(string kommunkod, DateOnly date, [NotNullWhen(true)] out LovPeriod? lov) =>
        IsSchoolHoliday(kommunkod, null, date, out lov);

    /// <summary>As <see cref="IsSchoolHoliday(string, DateOnly, out LovPeriod?)"/>, for a huvudman that may have its own calendar.</summary>
    public bool IsSchoolHoliday(string kommunkod, string? organisationNumber, DateOnly date, [NotNullWhen(true)] out LovPeriod? lov)
    {
        SwedishHolidays.RequireYear(date.Year, "date");

        // Last year's lov can reach into this year (jullov always does), so both years are looked at.
        for (var year = Math.Max(date.Year - 1, SwedishHolidays.MinYear); year <= date.Year; year++)
        {
            foreach (var period in LovPeriods(kommunkod, year, organisationNumber))
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

    private Kommun Kommun(string kommunkod) =>
        _geography.TryGetKommun(kommunkod, out var kommun)
            ? kommun
            : throw PlaneringException.Invalid("kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");

    private static Dictionary<EntryKey, SchoolCalendarEntry> Checked(
        IEnumerable<SchoolCalendarEntry> rows, SwedishGeography geography, Violations violations, string name)
    {
        var byKey = new Dictionary<EntryKey, SchoolCalendarEntry>();
        var firstIndex = new Dictionary<EntryKey, int>();
        var index = 0;
        foreach (var row in rows)
        {
            var at = index++;
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{name}[{at}].");
            if (row is null)
            {
                violations.Add(prefix.TrimEnd('.'), "must not be empty");
                continue;
            }

            row.Check(violations, prefix, geography);
            var key = EntryKey.Of(row);
            if (firstIndex.TryGetValue(key, out var first))
            {
                violations.Add(prefix + "kind", string.Create(CultureInfo.InvariantCulture, $"this calendar, school year and kind is given twice (also {name}[{first}])"));
                continue;
            }

            firstIndex[key] = at;
            byKey[key] = row;
        }

        return byKey;
    }

    private List<LovPeriod> Compute(string kommunkod, string? huvudman, int year)
    {
        var (rules, own) = RulesOf(kommunkod);
        SchoolCalendarEntry? Row(SchoolCalendarPeriodKind kind, int schoolYear) =>
            (huvudman is not null ? _entries.GetValueOrDefault(new EntryKey(string.Empty, huvudman, schoolYear, kind)) : null)
            ?? _entries.GetValueOrDefault(new EntryKey(kommunkod, null, schoolYear, kind));

        LovSource RuleSource(LovKind kind) => own.Decides(kind) ? LovSource.KommunRule : LovSource.Default;

        LovPeriod Week(LovKind kind, int schoolYear, (DateOnly Start, DateOnly End) byRule) =>
            Row((SchoolCalendarPeriodKind)kind, schoolYear) is { } row
                ? new LovPeriod(kind, row.FirstDay, row.LastDay, LovSource.Imported)
                : new LovPeriod(kind, byRule.Start, byRule.End, RuleSource(kind));

        // Sommarlov and jullov lie between two terms: an imported lov row wins, else each edge comes from an imported term
        // when there is one, else from the rule.
        LovPeriod Between(LovKind kind, int lovYear, (SchoolCalendarPeriodKind Kind, int SchoolYear, DateOnly ByRule) before,
            (SchoolCalendarPeriodKind Kind, int SchoolYear, DateOnly ByRule) after)
        {
            if (Row((SchoolCalendarPeriodKind)kind, lovYear) is { } row)
            {
                return new LovPeriod(kind, row.FirstDay, row.LastDay, LovSource.Imported);
            }

            var ending = Row(before.Kind, before.SchoolYear);
            var starting = Row(after.Kind, after.SchoolYear);
            var source = ending is not null || starting is not null ? LovSource.Imported : RuleSource(kind);
            return new LovPeriod(kind, (ending?.LastDay ?? before.ByRule).AddDays(1), (starting?.FirstDay ?? after.ByRule).AddDays(-1), source);
        }

        var sportlov = SchoolHolidayRules.Week(year, rules.SportlovWeek!.Value);
        var periods = new List<LovPeriod>(5)
        {
            Week(LovKind.Sportlov, year - 1, sportlov),
            Week(LovKind.Pasklov, year - 1, rules.PasklovIn(year)),
            Between(LovKind.Sommarlov, year - 1,
                (SchoolCalendarPeriodKind.Vartermin, year - 1, rules.LastSchoolDayBeforeSommarlov(year)),
                (SchoolCalendarPeriodKind.Hosttermin, year, rules.FirstSchoolDayAfterSommarlov(year))),
            Week(LovKind.Hostlov, year, SchoolHolidayRules.Week(year, rules.HostlovWeek)),
            Between(LovKind.Jullov, year,
                (SchoolCalendarPeriodKind.Hosttermin, year, rules.LastSchoolDayBeforeJullov(year)),
                (SchoolCalendarPeriodKind.Vartermin, year, rules.FirstSchoolDayAfterJullov(year))),
        };

        // Terms imported without a matching neighbour can leave an edge before the other (a term ending after the next
        // begins): such a period is empty, not negative, and no day is a lov because of it.
        return periods
            .Where(p => p.End >= p.Start)
            .OrderBy(p => p.Start)
            .ThenBy(p => p.Kind)
            .ToList();
    }

    private readonly record struct EntryKey(string Kommunkod, string? OrganisationNumber, int SchoolYear, SchoolCalendarPeriodKind Kind)
    {
        // An independent huvudman's calendar is its own wherever it is registered, so its rows are keyed by it alone.
        public static EntryKey Of(SchoolCalendarEntry e) =>
            e.OrganisationNumber is null ? new(e.Kommunkod, null, e.SchoolYear, e.Kind) : new(string.Empty, e.OrganisationNumber, e.SchoolYear, e.Kind);
    }
}

/// <summary>The calendar after an import and what the import did: rows new, changed and already there as given.</summary>
public sealed record SchoolCalendarImport(SchoolHolidayCalendar Calendar, int New, int Changed, int Unchanged);
