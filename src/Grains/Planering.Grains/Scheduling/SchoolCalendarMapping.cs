using Planering.Domain.Calendar;
using Planering.Domain.World;

namespace Planering.Grains.Scheduling;

/// <summary>Conversions between the school-calendar domain and the records that cross grain calls and are stored.</summary>
internal static class SchoolCalendarMapping
{
    public static SchoolCalendarEntry ToDomain(this SchoolCalendarEntryRecord r) =>
        new(r.Kommunkod, r.OrganisationNumber, r.SchoolYear, r.Kind, r.FirstDay, r.LastDay);

    public static SchoolCalendarEntryRecord ToRecord(this SchoolCalendarEntry e) =>
        new(e.Kommunkod, e.OrganisationNumber, e.SchoolYear, e.Kind, e.FirstDay, e.LastDay);

    public static KommunLovRule ToDomain(this KommunLovRuleRecord r) => new()
    {
        SportlovWeek = r.SportlovWeek, Pasklov = r.Pasklov, PasklovWeek = r.PasklovWeek, LateEasterFromAprilDay = r.LateEasterFromAprilDay,
        HostlovWeek = r.HostlovWeek, LastSchoolDayJune = r.LastSchoolDayJune, LastSchoolDayWeekday = r.LastSchoolDayWeekday,
        FirstSchoolDayAugust = r.FirstSchoolDayAugust, LastSchoolDayDecember = r.LastSchoolDayDecember, FirstSchoolDayJanuary = r.FirstSchoolDayJanuary,
    };

    public static KommunLovRuleRecord ToRecord(this KommunLovRule r) =>
        new(r.SportlovWeek, r.Pasklov, r.PasklovWeek, r.LateEasterFromAprilDay, r.HostlovWeek, r.LastSchoolDayJune, r.LastSchoolDayWeekday,
            r.FirstSchoolDayAugust, r.LastSchoolDayDecember, r.FirstSchoolDayJanuary);

    public static KommunLovRuleRecord ToRecord(this SchoolHolidayRules r) =>
        new(r.SportlovWeek, r.Pasklov, r.PasklovWeek, r.LateEasterFromAprilDay, r.HostlovWeek, r.LastSchoolDayJune, r.LastSchoolDayWeekday,
            r.FirstSchoolDayAugust, r.LastSchoolDayDecember, r.FirstSchoolDayJanuary);

    public static LovPeriodRecord ToRecord(this LovPeriod p) => new(p.Kind, p.Start, p.End, p.Source);

    public static LovOverride ToDomain(this LovOverrideRecord o) => new(o.Kommunkod, o.Year, o.Kind, o.Week, o.StartDate, o.EndDate);

    /// <summary>The calendar of a snapshot, checked as it is built (a stored row that no longer passes is an error, not skipped).</summary>
    public static SchoolHolidayCalendar ToCalendar(this SchoolCalendarSnapshot snapshot) =>
        snapshot.KommunRules.Count == 0 && snapshot.Entries.Count == 0
            ? SchoolCalendars.Defaults
            : SchoolHolidayCalendar.Create(
                SwedishGeography.Sweden,
                kommunRules: snapshot.KommunRules.ToDictionary(r => r.Kommunkod, r => r.Rule.ToDomain(), StringComparer.Ordinal),
                entries: snapshot.Entries.Select(e => e.ToDomain()));
}
