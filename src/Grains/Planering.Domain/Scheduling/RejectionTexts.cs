namespace Planering.Domain.Scheduling;

/// <summary>Each rejection as an API code and in Swedish and English, for schedulers to read.</summary>
public static class RejectionTexts
{
    public static string Code(RejectionCode code) => code switch
    {
        RejectionCode.NonWorkingDay => "NON_WORKING_DAY",
        RejectionCode.PublicHoliday => "PUBLIC_HOLIDAY",
        RejectionCode.SchoolHoliday => "SCHOOL_HOLIDAY",
        RejectionCode.LeadTime => "LEAD_TIME",
        RejectionCode.CycleSpacing => "CYCLE_SPACING",
        RejectionCode.BlockedDate => "BLOCKED_DATE",
        RejectionCode.DailyCap => "DAILY_CAP",
        RejectionCode.WeeklyCap => "WEEKLY_CAP",
        RejectionCode.AdvisorAbsent => "ADVISOR_ABSENT",
        RejectionCode.Travel => "TRAVEL",
        RejectionCode.AdvisorsBusy => "ADVISORS_BUSY",
        RejectionCode.Preparation => "PREPARATION",
        RejectionCode.OutsideOfficeHours => "OUTSIDE_OFFICE_HOURS",
        RejectionCode.TravelDay => "TRAVEL_DAY",
        RejectionCode.NightsLimit => "NIGHTS_LIMIT",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static string Swedish(RejectionCode code) => code switch
    {
        RejectionCode.NonWorkingDay => "Kontoret arbetar inte denna veckodag",
        RejectionCode.PublicHoliday => "Helgdag eller klämdag då kontoret är stängt",
        RejectionCode.SchoolHoliday => "Skollov i huvudmannens kommun",
        RejectionCode.LeadTime => "För tidigt: analysunderlaget behöver sin förberedelsetid",
        RejectionCode.CycleSpacing => "För tätt inpå huvudmannens förra dialog",
        RejectionCode.BlockedDate => "Huvudmannen har spärrat datumet",
        RejectionCode.DailyCap => "Kontorets tak för dialoger per dag är nått",
        RejectionCode.WeeklyCap => "Kontorets tak för dialoger per vecka är nått",
        RejectionCode.AdvisorAbsent => "Färre än två rådgivare i tjänst",
        RejectionCode.Travel => "Resan och dialogen ryms inte inom arbetsdagen",
        RejectionCode.AdvisorsBusy => "Inga två rådgivare är lediga samtidigt hela dialogen",
        RejectionCode.Preparation => "Rådgivarna hinner inte förbereda analysunderlaget",
        RejectionCode.OutsideOfficeHours => "Tiden ligger utanför kontorets arbetstid",
        RejectionCode.TravelDay => "Resan behöver dagen före eller efter, och den är inte en arbetsdag för båda rådgivarna",
        RejectionCode.NightsLimit => "Resan skulle ge en rådgivare fler övernattningar i månaden än kontoret tillåter",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static string English(RejectionCode code) => code switch
    {
        RejectionCode.NonWorkingDay => "The office does not work on this weekday",
        RejectionCode.PublicHoliday => "Public holiday or a day the office is closed",
        RejectionCode.SchoolHoliday => "School holiday in the huvudman's kommun",
        RejectionCode.LeadTime => "Too soon: the analysis document needs its preparation lead time",
        RejectionCode.CycleSpacing => "Too soon after the huvudman's previous dialogue",
        RejectionCode.BlockedDate => "The huvudman blocked this date",
        RejectionCode.DailyCap => "The office's daily cap of dialogues is reached",
        RejectionCode.WeeklyCap => "The office's weekly cap of dialogues is reached",
        RejectionCode.AdvisorAbsent => "Fewer advisors on duty than a dialogue takes (advisors per dialogue)",
        RejectionCode.Travel => "Travel and dialogue do not fit in the working day",
        RejectionCode.AdvisorsBusy => "No team of advisors is free together for the whole dialogue",
        RejectionCode.Preparation => "The advisors cannot prepare the analysis document in time",
        RejectionCode.OutsideOfficeHours => "The time lies outside the office's working hours",
        RejectionCode.TravelDay => "The trip needs the day before or after for travel, and it is not a working day for every advisor of the team",
        RejectionCode.NightsLimit => "The trip would take an advisor over the office's nights away for the month",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
