using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>What the slot search needs to know of a huvudman.</summary>
/// <param name="LastDialogueDate">Its latest held or booked dialogue, for the cycle spacing.</param>
public sealed record SchedulingHuvudman(
    string Id,
    string Name,
    string Kommunkod,
    GeoPosition Position,
    int Pupils,
    DateOnly? LastDialogueDate,
    IReadOnlySet<DateOnly> BlockedDates);

/// <summary>What the slot search needs to know of an office.</summary>
public sealed record SchedulingOffice(string Id, GeoPosition Position, IReadOnlyList<Advisor> Advisors);

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
    public const int MaxHorizonDays = 730;
    public const int DefaultHorizonDays = 365;
}

/// <summary>A feasible slot: the day, the minutes (local), the mode, the two advisors and what it costs.</summary>
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
    DateTimeOffset EndUtc);

/// <summary>The answer of a search: the slot (or none within the horizon), why earlier days failed, and how many were looked at.</summary>
/// <param name="EarlierPossibleElsewhere">
/// False when no office with the same working time could start this huvudman's dialogue any earlier: every day before
/// the slot was closed by a rule that holds at every office (weekday, public holiday, lov, lead time, cycle, blocked
/// date) and the slot starts when the working day does. True otherwise, and whenever no slot was found.
/// </param>
public sealed record SlotSearchResult(FoundSlot? Slot, IReadOnlyList<RejectionSummary> Rejections, int DaysExamined, bool EarlierPossibleElsewhere);
