using Planering.Domain.Workload;

namespace Planering.Grains.Scheduling;

/// <summary>What a term proposal covers: offices (empty: all), the period, a list of huvudmän (empty: every one due), the mode.</summary>
/// <param name="Mode">Null: each huvudman's default mode (the parameters' digital share, by a hash of its id); else all in this mode.</param>
[GenerateSerializer, Immutable, Alias("planering.ScheduleProposalSpec")]
public sealed record ScheduleProposalSpec(
    [property: Id(0)] IReadOnlyList<string> OfficeIds,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] IReadOnlyList<string> HuvudmanIds,
    [property: Id(4)] DialogueMode? Mode,
    [property: Id(5)] bool SpsmParticipation)
{
    /// <summary>The longest period one proposal covers (a term is about five months; a year ahead is the country view).</summary>
    public const int MaxPeriodDays = 366;
}

/// <summary>One huvudman in a proposal: its slot (and its tour leg) or why none fits.</summary>
/// <param name="Sequence">The booking order within its office (1 first); 0 when unplaced.</param>
[GenerateSerializer, Immutable, Alias("planering.ProposedDialogueRecord")]
public sealed record ProposedDialogueRecord(
    [property: Id(0)] string HuvudmanId,
    [property: Id(1)] string HuvudmanName,
    [property: Id(2)] string OfficeId,
    [property: Id(3)] DialogueMode Mode,
    [property: Id(4)] DateOnly Due,
    [property: Id(5)] SlotRecord? Slot,
    [property: Id(6)] string? ReasonCode,
    [property: Id(7)] int? Trip,
    [property: Id(8)] TourLegRecord? Leg,
    [property: Id(9)] int Sequence,
    [property: Id(10)] int MonthsLate,
    [property: Id(11)] string? ReasonSv = null);

/// <summary>A trip of a proposal: the advisors, the days away, nights, km, travel hours and the dialogues on it in order.</summary>
[GenerateSerializer, Immutable, Alias("planering.ProposedTripRecord")]
public sealed record ProposedTripRecord(
    [property: Id(0)] int Number,
    [property: Id(1)] string OfficeId,
    [property: Id(2)] IReadOnlyList<string> AdvisorIds,
    [property: Id(3)] DateOnly FirstDay,
    [property: Id(4)] DateOnly LastDay,
    [property: Id(5)] int Nights,
    [property: Id(6)] double Km,
    [property: Id(7)] double TravelHours,
    [property: Id(8)] IReadOnlyList<string> HuvudmanIds);

/// <summary>A proposal's totals (for an office or all) and its lower bound.</summary>
[GenerateSerializer, Immutable, Alias("planering.ScheduleTotalsRecord")]
public sealed record ScheduleTotalsRecord(
    [property: Id(0)] int Huvudman,
    [property: Id(1)] int Placed,
    [property: Id(2)] int Unplaced,
    [property: Id(3)] int Late,
    [property: Id(4)] int MonthsLate,
    [property: Id(5)] double Km,
    [property: Id(6)] double TravelHours,
    [property: Id(7)] int Nights,
    [property: Id(8)] int Trips,
    [property: Id(9)] int Tours,
    [property: Id(10)] int BoundLate,
    [property: Id(11)] double BoundKm);

/// <summary>One office's proposed term.</summary>
[GenerateSerializer, Immutable, Alias("planering.OfficeTermRecord")]
public sealed record OfficeTermRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] IReadOnlyList<ProposedDialogueRecord> Dialogues,
    [property: Id(2)] IReadOnlyList<ProposedTripRecord> Trips,
    [property: Id(3)] ScheduleTotalsRecord Totals);

/// <summary>A kept proposal: its offices so far, the totals, and when it expires.</summary>
/// <param name="Pending">Offices of the spec not scheduled yet.</param>
[GenerateSerializer, Immutable, Alias("planering.ScheduleProposalRecord")]
public sealed record ScheduleProposalRecord(
    [property: Id(0)] Guid ProposalId,
    [property: Id(1)] ScheduleProposalSpec Spec,
    [property: Id(2)] IReadOnlyList<OfficeTermRecord> Offices,
    [property: Id(3)] ScheduleTotalsRecord Totals,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] IReadOnlyList<string> Pending,
    [property: Id(7)] bool Committed);

/// <summary>What a commit did with one proposed dialogue.</summary>
public enum CommitOutcome
{
    /// <summary>Booked now.</summary>
    Booked = 0,

    /// <summary>Booked by an earlier commit of this proposal: nothing booked again.</summary>
    AlreadyBooked = 1,

    /// <summary>Taken meanwhile (by another booking): nothing booked; the huvudman's next free slot is named.</summary>
    Taken = 2,

    /// <summary>A rule forbids it now (the calendar or the parameters changed): nothing booked.</summary>
    Refused = 3,
}

/// <summary>One proposed dialogue after a commit.</summary>
[GenerateSerializer, Immutable, Alias("planering.CommittedDialogueRecord")]
public sealed record CommittedDialogueRecord(
    [property: Id(0)] string HuvudmanId,
    [property: Id(1)] string OfficeId,
    [property: Id(2)] CommitOutcome Outcome,
    [property: Id(3)] string? DialogueId,
    [property: Id(4)] string? Code,
    [property: Id(5)] string? Message,
    [property: Id(6)] DateOnly? NextDate,
    [property: Id(7)] string? NextLocalStart,
    [property: Id(8)] IReadOnlyList<string> NextAdvisorIds);

/// <summary>A commit's result.</summary>
[GenerateSerializer, Immutable, Alias("planering.ScheduleCommitRecord")]
public sealed record ScheduleCommitRecord(
    [property: Id(0)] Guid ProposalId,
    [property: Id(1)] IReadOnlyList<CommittedDialogueRecord> Dialogues)
{
    public int Count(CommitOutcome outcome) => Dialogues.Count(d => d.Outcome == outcome);
}
