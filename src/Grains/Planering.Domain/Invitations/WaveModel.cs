using Planering.Domain.Registry;

namespace Planering.Domain.Invitations;

/// <summary>A huvudman as a wave sees it: who it is, its office, its last and next dialogue and its latest invitation.</summary>
/// <param name="BookedDialogue">Its next booked dialogue (today or later), if any: a dialogue is pending.</param>
public sealed record InvitationCandidate(
    string Id,
    string Name,
    HuvudmanType Type,
    int Pupils,
    string OfficeId,
    DateOnly? LastDialogue,
    DateOnly? BookedDialogue,
    Invitation? LatestInvitation);

/// <summary>What the planner asks for: how many, for which period, from which offices (empty: every office).</summary>
public sealed record WaveRequest(int Size, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<string> OfficeIds)
{
    /// <summary>The largest wave (<see cref="InvitationLimits.MaxWaveSize"/>).</summary>
    public const int MaxSize = InvitationLimits.MaxWaveSize;

    /// <summary>The longest period a wave's dialogues may be spread over.</summary>
    public const int MaxPeriodMonths = InvitationLimits.MaxPeriodMonths;

    /// <summary>
    /// Optional: the wave this proposal is for. Its own invitations do not make a huvudman ineligible, so proposing again
    /// after the wave was committed gives the same huvudmän (a retried propose-and-commit records nothing twice).
    /// </summary>
    public string? WaveId { get; init; }
}

/// <summary>An office the wave may draw from, with the dialogues the capacity model says it can hold in the period.</summary>
public sealed record WaveOffice(string OfficeId, int DialogueCapacity);

/// <summary>Public (kommun, region, state: offentlig) or independent (enskild): the split the agencies balance waves by.</summary>
public enum OwnerKind
{
    Public = 1,
    Independent = 2,
}

/// <summary>One huvudman proposed for the wave, with why it was chosen.</summary>
/// <param name="DueDate">When its dialogue fell or falls due; null when it never had one (due since the mandate began).</param>
/// <param name="TakeUp">The probability that it accepts (the planning parameters' rate for its kind).</param>
public sealed record ProposedInvitee(
    string HuvudmanId,
    string Name,
    string OfficeId,
    HuvudmanType Type,
    OwnerKind Kind,
    int Pupils,
    SizeBand Size,
    DateOnly? DueDate,
    string IntroductionGroup,
    double TakeUp,
    string Reason);

/// <summary>One office's part of the wave: its capacity in the period, the share that gives it, and what it got.</summary>
public sealed record WaveOfficeLine(string OfficeId, int DialogueCapacity, double CapacityShare, int Eligible, int Proposed);

/// <summary>One digital introduction meeting: the huvudmän of one office invited together.</summary>
public sealed record IntroductionGroup(string GroupId, string OfficeId, IReadOnlyList<string> HuvudmanIds);

/// <summary>Why huvudmän of the chosen offices were not eligible.</summary>
public sealed record WaveExclusions(int DialogueBooked, int OpenInvitation, int DeclinedThisCycle, int NotDue);

/// <summary>The proposed wave.</summary>
/// <param name="ExpectedAccepted">Invitees times their take-up: the dialogues the wave is expected to bring.</param>
public sealed record WaveProposal(
    WaveRequest Request,
    IReadOnlyList<ProposedInvitee> Invitees,
    IReadOnlyList<WaveOfficeLine> Offices,
    IReadOnlyList<IntroductionGroup> Groups,
    WaveExclusions Excluded,
    double ExpectedAccepted);
