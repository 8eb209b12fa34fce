using System.Globalization;

namespace Planering.Domain.Calendar;

/// <summary>A school year (läsår) by the calendar year it starts in: 2026 is läsåret 2026/27, August 2026 to June 2027.</summary>
public static class SchoolYears
{
    /// <summary>"2026/27".</summary>
    public static string Format(int startYear) => string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:00}");

    /// <summary>Reads "2026/27", "2026/2027" or "2026-27" (the ways läsår are written); the second year must follow the first.</summary>
    public static bool TryParse(string? text, out int startYear)
    {
        startYear = 0;
        var parts = (text ?? string.Empty).Trim().Split('/', '-');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length is not (2 or 4)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second))
        {
            return false;
        }

        var next = parts[1].Length == 2 ? (first + 1) % 100 : first + 1;
        if (second != next)
        {
            return false;
        }

        startYear = first;
        return true;
    }

    /// <summary>The calendar year in which a period of this kind begins, in the school year starting <paramref name="startYear"/>.</summary>
    /// <remarks>Höstlov, jullov and hösttermin begin in the autumn; sportlov, påsklov, vårtermin and sommarlov in the next year.</remarks>
    public static int CalendarYearOf(SchoolCalendarPeriodKind kind, int startYear) =>
        kind is SchoolCalendarPeriodKind.Hostlov or SchoolCalendarPeriodKind.Jullov or SchoolCalendarPeriodKind.Hosttermin ? startYear : startYear + 1;

    /// <summary>The school year a lov of <paramref name="kind"/> in calendar year <paramref name="year"/> belongs to.</summary>
    public static int Of(LovKind kind, int year) => kind is LovKind.Hostlov or LovKind.Jullov ? year : year - 1;
}
