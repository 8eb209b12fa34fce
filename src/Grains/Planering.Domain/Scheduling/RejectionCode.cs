namespace Planering.Domain.Scheduling;

/// <summary>The rule that rejected a candidate day, in the order the search checks them.</summary>
public enum RejectionCode
{
    /// <summary>The office does not work on this weekday.</summary>
    NonWorkingDay = 1,

    /// <summary>A Swedish public holiday or a day offices close (midsommarafton, julafton…).</summary>
    PublicHoliday = 2,

    /// <summary>A school holiday (lov) in the huvudman's kommun.</summary>
    SchoolHoliday = 3,

    /// <summary>Too soon: the analysis document needs its preparation lead time.</summary>
    LeadTime = 4,

    /// <summary>Too soon after the huvudman's previous dialogue (the cycle).</summary>
    CycleSpacing = 5,

    /// <summary>The huvudman blocked this date.</summary>
    BlockedDate = 6,

    /// <summary>The office already holds its maximum of dialogues on this day.</summary>
    DailyCap = 7,

    /// <summary>The office already holds its maximum of dialogues in this ISO week.</summary>
    WeeklyCap = 8,

    /// <summary>Fewer advisors than a dialogue takes (advisors per dialogue) work (or are present) that day.</summary>
    AdvisorAbsent = 9,

    /// <summary>Travel there and back plus the dialogue do not fit in a working day.</summary>
    Travel = 10,

    /// <summary>No team of advisors (advisors per dialogue) is free together for the whole dialogue (with travel).</summary>
    AdvisorsBusy = 11,

    /// <summary>The advisors lack the working hours to prepare the analysis document within the lead time.</summary>
    Preparation = 12,

    /// <summary>A chosen start (with travel) does not lie within the office's working hours; only a booking can ask for one.</summary>
    OutsideOfficeHours = 13,

    /// <summary>The trip needs the working day before or after for travel, and it is not one for both advisors.</summary>
    TravelDay = 14,

    /// <summary>The trip's nights away would take an advisor over the office's limit for the month.</summary>
    NightsLimit = 15,
}
