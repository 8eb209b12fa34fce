using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>What the slot search needs to know of a huvudman.</summary>
/// <param name="LastDialogueDate">Its latest held or booked dialogue, for the cycle spacing.</param>
/// <param name="CycleMonths">Its own cycle (from the planning parameters), or null for the model's.</param>
public sealed record SchedulingHuvudman(
    string Id,
    string Name,
    string Kommunkod,
    GeoPosition Position,
    int Pupils,
    DateOnly? LastDialogueDate,
    IReadOnlySet<DateOnly> BlockedDates,
    int? CycleMonths = null);

/// <summary>What the slot search needs to know of an office.</summary>
/// <param name="MaxNightsAwayPerAdvisorMonth">The office's own limit of nights away per advisor and month; null keeps
/// <see cref="Travel.TripOptions.MaxNightsAwayPerAdvisorMonth"/>.</param>
public sealed record SchedulingOffice(string Id, GeoPosition Position, IReadOnlyList<Advisor> Advisors, int? MaxNightsAwayPerAdvisorMonth = null);

/// <summary>One search: the earliest feasible slot on or after <see cref="Earliest"/> within the horizon.</summary>
/// <param name="Modes">The modes to try; both for ANY (digital wins a tie, being the cheaper).</param>
/// <param name="Today">The local date the search is made on: the lead time counts from it.</param>
public sealed record SlotQuery(
    SchedulingHuvudman Huvudman,
    SchedulingOffice Office,
    IReadOnlyList<DialogueMode> Modes,
    DateOnly Earliest,
    int HorizonDays,
    bool SpsmParticipation,
    DateOnly Today)
{
    public const int MaxHorizonDays = SlotLimits.MaxHorizonDays;
    public const int DefaultHorizonDays = SlotLimits.DefaultHorizonDays;
}

/// <summary>A feasible slot: the day, the minutes (local), the mode, the advisors (advisors per dialogue), what it costs and, on site, its trip.</summary>
/// <param name="TravelMinutesOneWay">Half the trip's travel minutes (rounded up): what a same-day road trip takes each way.</param>
public sealed record FoundSlot(
    string OfficeId,
    DateOnly Date,
    int StartMinute,
    int EndMinute,
    DialogueMode Mode,
    IReadOnlyList<string> AdvisorIds,
    DialogueEffort Effort,
    int TravelMinutesOneWay,
    DateOnly PreparationDeadline,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    Trip? Trip = null);

/// <summary>The answer of a search: the slot (or none within the horizon), why earlier days failed, and how many were looked at.</summary>
/// <param name="EarlierElsewhere">Which other offices (with the same working time) could start this dialogue earlier.</param>
public sealed record SlotSearchResult(FoundSlot? Slot, IReadOnlyList<RejectionSummary> Rejections, int DaysExamined, EarlierElsewhere EarlierElsewhere);

