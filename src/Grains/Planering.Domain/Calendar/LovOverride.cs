using System.Globalization;
using Planering.Domain.Errors;
using Planering.Domain.World;

namespace Planering.Domain.Calendar;

/// <summary>
/// A kommun's own lov for one year and kind, replacing the default: either an ISO week (Monday–Friday; for the one-week
/// lovs: sportlov, påsklov, höstlov) or an explicit date range (both ends included). A jullov belongs to the year in
/// which it starts.
/// </summary>
/// <remarks>Build it with <see cref="ForWeek"/>, <see cref="ForDates"/> or <see cref="Create"/>, which validate it.</remarks>
public sealed record LovOverride(string Kommunkod, int Year, LovKind Kind, int? Week, DateOnly? StartDate, DateOnly? EndDate)
{
    /// <summary>The longest lov a range may describe; a little more than the longest sommarlov.</summary>
    public const int MaxDays = 100;

    /// <summary>A lov on Monday–Friday of an ISO week of <paramref name="year"/>.</summary>
    public static LovOverride ForWeek(string kommunkod, int year, LovKind kind, int week, SwedishGeography geography) =>
        Create(kommunkod, year, kind, week, null, null, geography);

    /// <summary>A lov from <paramref name="startDate"/> to <paramref name="endDate"/>, both included.</summary>
    public static LovOverride ForDates(string kommunkod, int year, LovKind kind, DateOnly startDate, DateOnly endDate, SwedishGeography geography) =>
        Create(kommunkod, year, kind, null, startDate, endDate, geography);

    /// <summary>Validates every field (reported at once, with API field names) and builds the override.</summary>
    public static LovOverride Create(
        string? kommunkod, int year, LovKind kind, int? week, DateOnly? startDate, DateOnly? endDate, SwedishGeography geography)
    {
        ArgumentNullException.ThrowIfNull(geography);
        var violations = new Violations();
        Check(violations, string.Empty, kommunkod, year, kind, week, startDate, endDate, geography);
        violations.ThrowIfAny();
        return new LovOverride(kommunkod!, year, kind, week, startDate, endDate);
    }

    /// <summary>The days this override gives the lov.</summary>
    public (DateOnly Start, DateOnly End) Dates()
    {
        if (Week is { } week)
        {
            var monday = IsoWeeks.Monday(Year, week);
            return (monday, monday.AddDays(4));
        }

        return (StartDate!.Value, EndDate!.Value);
    }

    /// <summary>The same lov as a row of the kommun's imported calendar (its school year derived from the kind and year).</summary>
    public SchoolCalendarEntry ToEntry()
    {
        var (start, end) = Dates();
        return new SchoolCalendarEntry(Kommunkod, null, SchoolYears.Of(Kind, Year), (SchoolCalendarPeriodKind)Kind, start, end);
    }

    /// <summary>Re-checks an override that may have been built without <see cref="Create"/> (or changed with <c>with</c>).</summary>
    internal void Check(Violations violations, string prefix, SwedishGeography geography) =>
        Check(violations, prefix, Kommunkod, Year, Kind, Week, StartDate, EndDate, geography);

    private static void Check(
        Violations violations, string prefix, string? kommunkod, int year, LovKind kind, int? week,
        DateOnly? startDate, DateOnly? endDate, SwedishGeography geography)
    {
        violations.Require(geography.TryGetKommun(kommunkod, out _), prefix + "kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        var yearKnown = year is >= SwedishHolidays.MinYear and <= SwedishHolidays.MaxYear;
        violations.Require(yearKnown, prefix + "year", $"must be between {SwedishHolidays.MinYear} and {SwedishHolidays.MaxYear}");
        violations.Require(Enum.IsDefined(kind), prefix + "kind", "must be one of SPORTLOV, PASKLOV, SOMMARLOV, HOSTLOV, JULLOV");

        var hasRange = startDate is not null || endDate is not null;
        if (week is { } w)
        {
            if (hasRange)
            {
                violations.Add(prefix + "week", "give either week or start_date and end_date, not both");
            }
            else if (kind is LovKind.Sommarlov or LovKind.Jullov)
            {
                // Sommarlov lasts some ten weeks and jullov two or three: a week number cannot describe either.
                violations.Add(prefix + "week", "sommarlov and jullov last longer than a week: give start_date and end_date");
            }
            else if (yearKnown)
            {
                var weeks = IsoWeeks.WeeksInYear(year);
                violations.Require(w >= 1 && w <= weeks, prefix + "week", Invariant($"must be an ISO week 1–{weeks} of {year}"));
                violations.Require(w is < 1 or > 53 || w > weeks || IsoWeeks.Monday(year, w).Year == year, prefix + "week",
                    Invariant($"week {w} of {year} begins in the year before; give start_date and end_date"));
            }

            return;
        }

        if (!hasRange)
        {
            violations.Add(prefix + "week", "give either week or start_date and end_date");
            return;
        }

        violations.Require(startDate is not null, prefix + "start_date", "is required with end_date");
        violations.Require(endDate is not null, prefix + "end_date", "is required with start_date");
        if (startDate is not { } start || endDate is not { } end)
        {
            return;
        }

        violations.Require(start.Year == year, prefix + "start_date", Invariant($"must lie in {year}, the year the lov belongs to"));
        if (end < start)
        {
            violations.Add(prefix + "end_date", "must not be before start_date");
        }
        else
        {
            violations.Require(end.DayNumber - start.DayNumber < MaxDays, prefix + "end_date", Invariant($"must be at most {MaxDays} days from start_date, both included"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
