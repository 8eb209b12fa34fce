using Planering.Domain.Invitations;
using Planering.Domain.Registry;

namespace Planering.Grains.Invitations;

/// <summary>One huvudman's invitation in one wave, and its answer (the domain's Invitation).</summary>
[GenerateSerializer, Immutable, Alias("planering.InvitationRecord")]
public sealed record InvitationRecord(
    [property: Id(0)] string HuvudmanId,
    [property: Id(1)] string WaveId,
    [property: Id(2)] DateOnly InvitedOn,
    [property: Id(3)] DateOnly PeriodStart,
    [property: Id(4)] DateOnly PeriodEnd,
    [property: Id(5)] string OfficeId,
    [property: Id(6)] string IntroductionGroup,
    [property: Id(7)] InvitationStatus Status,
    [property: Id(8)] string? Reason,
    [property: Id(9)] DateOnly? AnsweredOn);

/// <summary>The next wave asked for: how many, the period its dialogues are to be held in, the offices (empty: all).</summary>
[GenerateSerializer, Immutable, Alias("planering.WaveRequestRecord")]
public sealed record WaveRequestRecord(
    [property: Id(0)] int Size,
    [property: Id(1)] DateOnly PeriodStart,
    [property: Id(2)] DateOnly PeriodEnd,
    [property: Id(3)] IReadOnlyList<string> OfficeIds,
    [property: Id(4)] string? WaveId = null);

[GenerateSerializer, Immutable, Alias("planering.ProposedInviteeRecord")]
public sealed record ProposedInviteeRecord(
    [property: Id(0)] string HuvudmanId,
    [property: Id(1)] string Name,
    [property: Id(2)] string OfficeId,
    [property: Id(3)] HuvudmanType Type,
    [property: Id(4)] int Pupils,
    [property: Id(5)] SizeBand Size,
    [property: Id(6)] DateOnly? DueDate,
    [property: Id(7)] string IntroductionGroup,
    [property: Id(8)] double TakeUp,
    [property: Id(9)] string Reason);

[GenerateSerializer, Immutable, Alias("planering.WaveOfficeLineRecord")]
public sealed record WaveOfficeLineRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] int DialogueCapacity,
    [property: Id(2)] double CapacityShare,
    [property: Id(3)] int Eligible,
    [property: Id(4)] int Proposed);

[GenerateSerializer, Immutable, Alias("planering.IntroductionGroupRecord")]
public sealed record IntroductionGroupRecord(
    [property: Id(0)] string GroupId,
    [property: Id(1)] string OfficeId,
    [property: Id(2)] IReadOnlyList<string> HuvudmanIds);

/// <summary>A proposed wave: the invitees with their reasons, each office's part, the introduction groups, who was left out and why.</summary>
[GenerateSerializer, Immutable, Alias("planering.WaveProposalRecord")]
public sealed record WaveProposalRecord(
    [property: Id(0)] WaveRequestRecord Request,
    [property: Id(1)] IReadOnlyList<ProposedInviteeRecord> Invitees,
    [property: Id(2)] IReadOnlyList<WaveOfficeLineRecord> Offices,
    [property: Id(3)] IReadOnlyList<IntroductionGroupRecord> Groups,
    [property: Id(4)] int ExcludedDialogueBooked,
    [property: Id(5)] int ExcludedOpenInvitation,
    [property: Id(6)] int ExcludedDeclinedThisCycle,
    [property: Id(7)] int ExcludedNotDue,
    [property: Id(8)] double ExpectedAccepted,
    [property: Id(9)] long ParametersVersion);

/// <summary>A wave to commit: its id (a retry with the same id and content records nothing twice), period and huvudmän.</summary>
[GenerateSerializer, Immutable, Alias("planering.WaveCommitRecord")]
public sealed record WaveCommitRecord(
    [property: Id(0)] string WaveId,
    [property: Id(1)] DateOnly PeriodStart,
    [property: Id(2)] DateOnly PeriodEnd,
    [property: Id(3)] IReadOnlyList<string> HuvudmanIds)
{
    /// <summary>What a retry must repeat exactly: the period and the set of huvudmän (in any order).</summary>
    public string Fingerprint => $"{PeriodStart:yyyy-MM-dd}/{PeriodEnd:yyyy-MM-dd}/{string.Join(',', HuvudmanIds.Order(StringComparer.Ordinal))}";
}

/// <summary>A committed wave: its invitations and introduction groups.</summary>
[GenerateSerializer, Immutable, Alias("planering.CommittedWaveRecord")]
public sealed record CommittedWaveRecord(
    [property: Id(0)] string WaveId,
    [property: Id(1)] DateOnly CommittedOn,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] DateOnly PeriodEnd,
    [property: Id(4)] IReadOnlyList<InvitationRecord> Invitations,
    [property: Id(5)] IReadOnlyList<IntroductionGroupRecord> Groups,
    [property: Id(6)] bool AlreadyCommitted);

/// <summary>A huvudman's answer to its invitation (the open one, or the one of <see cref="WaveId"/>).</summary>
[GenerateSerializer, Immutable, Alias("planering.InvitationAnswerRecord")]
public sealed record InvitationAnswerRecord(
    [property: Id(0)] string HuvudmanId,
    [property: Id(1)] string? WaveId,
    [property: Id(2)] InvitationStatus Answer,
    [property: Id(3)] string? Reason);

[GenerateSerializer, Immutable, Alias("planering.CoverageLineRecord")]
public sealed record CoverageLineRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] int Huvudman,
    [property: Id(2)] int Invited,
    [property: Id(3)] int Open,
    [property: Id(4)] int Accepted,
    [property: Id(5)] int Declined,
    [property: Id(6)] int NoAnswer,
    [property: Id(7)] int Booked,
    [property: Id(8)] int Held,
    [property: Id(9)] int NotYetInvited,
    [property: Id(10)] double ShareReached,
    [property: Id(11)] double? AcceptanceObserved);

/// <summary>Coverage of the mandate's current cycle, per office and nationally.</summary>
[GenerateSerializer, Immutable, Alias("planering.CoverageRecord")]
public sealed record CoverageRecord(
    [property: Id(0)] DateOnly CycleStart,
    [property: Id(1)] DateOnly CycleEnd,
    [property: Id(2)] DateOnly AsOf,
    [property: Id(3)] double MonthsLeft,
    [property: Id(4)] double NeededPerMonth,
    [property: Id(5)] IReadOnlyList<CoverageLineRecord> Offices,
    [property: Id(6)] CoverageLineRecord National,
    [property: Id(7)] int Waves);
