using System.Globalization;
using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// The rules from which a kommun's lov and term edges are computed when it has no imported dates: the national defaults
/// (<see cref="Default"/>), with the kommun's own rule (<see cref="KommunLovRule"/>) laid over them.
/// </summary>
/// <remarks>
/// Every default is an assumption taken from published läsårstider (docs/school-calendars.md gives the sources):
/// sportlov in the län's week; påsklov the week after Easter unless Easter falls on or after 13 April, then the week
/// before; höstlov week 44; the last school day before sommarlov the Thursday on or before 12 June; the first after it
/// 18 August (or the next weekday); the last before jullov the weekday on or before 19 December; the first after it the
/// first working weekday on or after 8 January. Lov given as a week are Monday–Friday; term edges give whole periods.
/// </remarks>
public sealed record SchoolHolidayRules
{
    /// <summary>The national defaults described in the remarks.</summary>
    public static SchoolHolidayRules Default { get; } = new();

    /// <summary>ISO week of sportlov; null takes the län's week (<see cref="World.Lan.SportlovWeek"/>).</summary>
    public int? SportlovWeek { get; init; }

    /// <summary>Where påsklov lies (default: the week after Easter unless Easter is late).</summary>
    public PasklovRule Pasklov { get; init; } = PasklovRule.WeekAfterUnlessLateEaster;

    /// <summary>The ISO week of påsklov under <see cref="PasklovRule.FixedWeek"/>.</summary>
    public int? PasklovWeek { get; init; }

    /// <summary>
    /// Easter Sunday on or after this day of April counts as late (default 13: 2025, 2028, 2030, 2031, 2033, 2036 and 2038
    /// are late, 2026, 2027, 2029, 2032, 2034, 2035 and 2037 are not).
    /// </summary>
    public int LateEasterFromAprilDay { get; init; } = 13;

    /// <summary>ISO week of höstlov (default 44, every source 2020–2027).</summary>
    public int HostlovWeek { get; init; } = 44;

    /// <summary>The spring term ends on the last <see cref="LastSchoolDayWeekday"/> on or before this day of June (default 12).</summary>
    public int LastSchoolDayJune { get; init; } = 12;

    /// <summary>The weekday the spring term ends on (default Thursday: 12 June 2025, 11 June 2026, 10 June 2027).</summary>
    public DayOfWeek LastSchoolDayWeekday { get; init; } = DayOfWeek.Thursday;

    /// <summary>The autumn term starts on this day of August, or the next weekday when it is a weekend (default 18).</summary>
    public int FirstSchoolDayAugust { get; init; } = 18;

    /// <summary>The autumn term ends on this day of December, or the weekday before when it is a weekend (default 19).</summary>
    public int LastSchoolDayDecember { get; init; } = 19;

    /// <summary>The spring term starts on the first working weekday on or after this day of January (default 8).</summary>
    public int FirstSchoolDayJanuary { get; init; } = 8;

    /// <summary>Throws <see cref="PlaneringException"/> naming every out-of-range setting.</summary>
    public void Validate()
    {
        var violations = new Violations();
        Check(violations, string.Empty);
        violations.ThrowIfAny();
    }

    internal void Check(Violations violations, string prefix)
    {
        KommunLovRule.CheckWeek(violations, prefix + "sportlov_week", SportlovWeek);
        violations.Require(Enum.IsDefined(Pasklov), prefix + "pasklov_rule", "must be WEEK_AFTER_EASTER, WEEK_BEFORE_EASTER, WEEK_AFTER_UNLESS_LATE_EASTER or FIXED_WEEK");
        KommunLovRule.CheckWeek(violations, prefix + "pasklov_week", PasklovWeek);
        violations.Require(Pasklov != PasklovRule.FixedWeek || PasklovWeek is not null, prefix + "pasklov_week", "is required with FIXED_WEEK");
        violations.Require(LateEasterFromAprilDay is >= 1 and <= 25, prefix + "late_easter_from_april_day", "must be a day 1–25 of April (Easter Sunday is 22 March–25 April)");
        violations.Require(HostlovWeek is >= 1 and <= 52, prefix + "hostlov_week", "must be an ISO week 1–52");
        violations.Require(LastSchoolDayJune is >= 1 and <= 30, prefix + "last_school_day_june", "must be a day 1–30 of June");
        violations.Require(LastSchoolDayWeekday is >= DayOfWeek.Monday and <= DayOfWeek.Friday, prefix + "last_school_day_weekday", "must be a weekday Monday–Friday");
        violations.Require(FirstSchoolDayAugust is >= 1 and <= 31, prefix + "first_school_day_august", "must be a day 1–31 of August");
        violations.Require(LastSchoolDayDecember is >= 1 and <= 23, prefix + "last_school_day_december", "must be a day 1–23 of December");
        violations.Require(FirstSchoolDayJanuary is >= 2 and <= 20, prefix + "first_school_day_january", "must be a day 2–20 of January");
    }

    /// <summary>Monday and Friday of påsklov in <paramref name="year"/>.</summary>
    public (DateOnly Start, DateOnly End) PasklovIn(int year)
    {
        var easter = EasterComputus.EasterSunday(year);
        var before = (easter.AddDays(-6), easter.AddDays(-2));
        var after = (easter.AddDays(1), easter.AddDays(5));
        return Pasklov switch
        {
            PasklovRule.WeekBeforeEaster => before,
            PasklovRule.FixedWeek => Week(year, PasklovWeek ?? IsoWeeks.WeekOf(easter.AddDays(1))),
            PasklovRule.WeekAfterUnlessLateEaster => easter >= new DateOnly(year, 4, LateEasterFromAprilDay) ? before : after,
            _ => after,
        };
    }

    /// <summary>The last school day before sommarlov in <paramref name="year"/>.</summary>
    public DateOnly LastSchoolDayBeforeSommarlov(int year)
    {
        var limit = new DateOnly(year, 6, LastSchoolDayJune);
        return limit.AddDays(-(((int)limit.DayOfWeek - (int)LastSchoolDayWeekday + 7) % 7));
    }

    /// <summary>The first school day of the autumn term of <paramref name="year"/>.</summary>
    public DateOnly FirstSchoolDayAfterSommarlov(int year) => NextWeekday(new DateOnly(year, 8, FirstSchoolDayAugust), SwedishHolidays.Default);

    /// <summary>The last school day before the jullov that starts in December of <paramref name="year"/>.</summary>
    public DateOnly LastSchoolDayBeforeJullov(int year)
    {
        var day = new DateOnly(year, 12, LastSchoolDayDecember);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>The first school day after the jullov that starts in December of <paramref name="year"/> (in January of the next year).</summary>
    public DateOnly FirstSchoolDayAfterJullov(int year) => NextWeekday(new DateOnly(year + 1, 1, FirstSchoolDayJanuary), SwedishHolidays.Default);

    /// <summary>Monday–Friday of an ISO week; week 53 in a 52-week year falls back to week 52 rather than failing the calendar.</summary>
    internal static (DateOnly Start, DateOnly End) Week(int year, int week)
    {
        var monday = IsoWeeks.Monday(year, Math.Min(week, IsoWeeks.WeeksInYear(year)));
        return (monday, monday.AddDays(4));
    }

    // Trettondedag jul can fall on the day a rule names; school starts on the next working weekday instead. (January
    // after the last supported year has no holiday list; its weekdays are taken as they are.)
    private static DateOnly NextWeekday(DateOnly day, SwedishHolidays holidays)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (day.Year <= SwedishHolidays.MaxYear && holidays.IsHoliday(day)))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
