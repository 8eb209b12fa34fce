namespace Planering.Grains.Invitations;

/// <summary>
/// The single writer of invitations (key: <c>sweden</c>): proposes waves from the live world, commits them (idempotent by
/// wave id), records answers, and counts the mandate's coverage. The invitations themselves live in the kommun ledgers.
/// </summary>
[Alias("planering.IInvitationGrain")]
public interface IInvitationGrain : IGrainWithStringKey
{
    /// <summary>The next wave as the agencies would choose it; nothing is stored.</summary>
    [Alias("Propose"), ResponseTimeout("00:01:00")]
    Task<WaveProposalRecord> ProposeAsync(WaveRequestRecord request);

    /// <summary>Records the wave's invitations; the same wave id with the same content again answers the stored wave and records nothing.</summary>
    [Alias("Commit"), ResponseTimeout("00:01:00")]
    Task<CommittedWaveRecord> CommitAsync(WaveCommitRecord wave);

    /// <summary>Records an invited huvudman's answer; an unknown huvudman is not found, one not invited is refused, and nothing changes.</summary>
    [Alias("Answer")]
    Task<InvitationRecord> AnswerAsync(InvitationAnswerRecord answer);

    /// <summary>Invited, accepted, held, declined and not yet invited in the current cycle, per office and nationally.</summary>
    [Alias("Coverage"), ResponseTimeout("00:01:00")]
    Task<CoverageRecord> CoverageAsync();
}

/// <summary>The invitations of the huvudmän of one kommun (key: kommunkod), the latest per huvudman first in its list.</summary>
[Alias("planering.IInvitationLedgerGrain")]
public interface IInvitationLedgerGrain : IGrainWithStringKey
{
    /// <summary>Each huvudman's latest invitation.</summary>
    [Alias("Latest"), AlwaysInterleave]
    Task<IReadOnlyList<InvitationRecord>> LatestAsync();

    /// <summary>Adds invitations; one whose huvudman already has an invitation of that wave is skipped (a retry).</summary>
    [Alias("Record")]
    Task RecordAsync(IReadOnlyList<InvitationRecord> invitations);

    /// <summary>Records the answer to the huvudman's latest invitation (of the named wave when given); refused when it has none.</summary>
    [Alias("Answer")]
    Task<InvitationRecord> AnswerAsync(InvitationAnswerRecord answer, DateOnly today);
}

/// <summary>One committed wave (key: wave id): its invitations and introduction groups, as committed.</summary>
[Alias("planering.IInvitationWaveGrain")]
public interface IInvitationWaveGrain : IGrainWithStringKey
{
    /// <summary>The wave, or null when no wave of this id was committed.</summary>
    [Alias("Get")]
    Task<CommittedWaveRecord?> GetAsync();

    /// <summary>Stores the wave once; storing it again is a retry and keeps the first.</summary>
    [Alias("Store")]
    Task<CommittedWaveRecord> StoreAsync(CommittedWaveRecord wave, string fingerprint);

    /// <summary>The fingerprint the wave was committed with (null when none was).</summary>
    [Alias("Fingerprint")]
    Task<string?> FingerprintAsync();

    /// <summary>The earliest time for one of the wave's introduction groups at its office; nothing is booked. NotFound for an unknown wave or group.</summary>
    [Alias("FindIntroduction"), ReadOnly]
    Task<Scheduling.IntroductionSlotAnswer> FindIntroductionAsync(Scheduling.IntroductionRequest request);

    /// <summary>Books one of the wave's introduction groups in its office's calendar, once (see <see cref="Registry.IRegionalOfficeGrain.BookIntroductionAsync"/>).</summary>
    [Alias("BookIntroduction")]
    Task<Scheduling.IntroductionMeetingRecord> BookIntroductionAsync(Scheduling.IntroductionRequest request);

    /// <summary>The wave's introduction groups, each with its booked meeting or none. NotFound for an unknown wave.</summary>
    [Alias("Introductions"), ReadOnly]
    Task<IReadOnlyList<Scheduling.IntroductionGroupMeetingRecord>> IntroductionsAsync();
}
