using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Calendar;

/// <summary>
/// One row of a published school calendar: a lov or a term of one school year, first and last day included, for a
/// kommun's schools or (with <see cref="OrganisationNumber"/>) for one independent huvudman's own.
/// </summary>
/// <param name="SchoolYear">The calendar year the school year starts in (2026 for 2026/27).</param>
public sealed record SchoolCalendarEntry(
    string Kommunkod, string? OrganisationNumber, int SchoolYear, SchoolCalendarPeriodKind Kind, DateOnly FirstDay, DateOnly LastDay)
{
    /// <summary>The longest lov a row may describe (a little more than the longest sommarlov).</summary>
    public const int MaxLovDays = 100;

    /// <summary>The longest term a row may describe.</summary>
    public const int MaxTermDays = 200;

    /// <summary>What a row replaces when imported again: the same calendar, school year and kind.</summary>
    public (string Kommunkod, string? OrganisationNumber, int SchoolYear, SchoolCalendarPeriodKind Kind) Key =>
        (Kommunkod, OrganisationNumber, SchoolYear, Kind);

    /// <summary>Validates every field (reported at once, named <paramref name="prefix"/>field) and builds the entry.</summary>
    public static SchoolCalendarEntry Create(
        string? kommunkod, string? organisationNumber, int schoolYear, SchoolCalendarPeriodKind kind, DateOnly firstDay, DateOnly lastDay,
        SwedishGeography geography, string prefix = "")
    {
        var entry = new SchoolCalendarEntry(kommunkod ?? string.Empty, string.IsNullOrWhiteSpace(organisationNumber) ? null : organisationNumber.Trim(),
            schoolYear, kind, firstDay, lastDay);
        var violations = new Violations();
        entry.Check(violations, prefix, geography);
        violations.ThrowIfAny();
        return entry;
    }

    internal void Check(Violations violations, string prefix, SwedishGeography geography)
    {
        violations.Require(geography.TryGetKommun(Kommunkod, out _), prefix + "kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        if (OrganisationNumber is not null)
        {
            if (!Registry.OrganisationNumber.TryParse(OrganisationNumber, out var parsed, out var error))
            {
                violations.Add(prefix + "organisation_number", error);
            }
            else
            {
                violations.Require(parsed.Value == OrganisationNumber, prefix + "organisation_number", "must be written as ten digits without a hyphen");
            }
        }

        var yearKnown = SchoolYear is >= SwedishHolidays.MinYear and < SwedishHolidays.MaxYear;
        violations.Require(yearKnown, prefix + "school_year", SchoolHolidayRules.Invariant($"must start between {SwedishHolidays.MinYear} and {SwedishHolidays.MaxYear - 1}"));
        if (!Enum.IsDefined(Kind))
        {
            violations.Add(prefix + "kind", "must be one of SPORTLOV, PASKLOV, SOMMARLOV, HOSTLOV, JULLOV, HOSTTERMIN, VARTERMIN");
            return;
        }

        if (!yearKnown)
        {
            return;
        }

        // A row belongs to its school year: a period that begins in the wrong calendar year is a typo, not a calendar.
        var year = SchoolYears.CalendarYearOf(Kind, SchoolYear);
        violations.Require(FirstDay.Year == year, prefix + "first_day",
            SchoolHolidayRules.Invariant($"must lie in {year}: a {Kind.ToString().ToLowerInvariant()} of läsåret {SchoolYears.Format(SchoolYear)} begins then"));
        var maxDays = Kind is SchoolCalendarPeriodKind.Hosttermin or SchoolCalendarPeriodKind.Vartermin ? MaxTermDays : MaxLovDays;
        if (LastDay < FirstDay)
        {
            violations.Add(prefix + "last_day", "must not be before first_day");
        }
        else
        {
            violations.Require(LastDay.DayNumber - FirstDay.DayNumber < maxDays, prefix + "last_day",
                SchoolHolidayRules.Invariant($"must be at most {maxDays} days from first_day, both included"));
        }
    }
}
