using System.Globalization;

namespace Planering.Domain.Calendar;

/// <summary>ISO 8601 weeks (Monday first, week 1 holds the year's first Thursday), the weeks Swedish lov are given in.</summary>
public static class IsoWeeks
{
    /// <summary>The Monday of ISO week <paramref name="week"/> of ISO week-year <paramref name="year"/>.</summary>
    public static DateOnly Monday(int year, int week) =>
        DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));

    /// <summary>The ISO week number of a date (1–53).</summary>
    public static int WeekOf(DateOnly date) => ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The ISO week-year a date belongs to (differs from the calendar year around New Year).</summary>
    public static int WeekYearOf(DateOnly date) => ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>52 or 53.</summary>
    public static int WeeksInYear(int year) => ISOWeek.GetWeeksInYear(year);
}
