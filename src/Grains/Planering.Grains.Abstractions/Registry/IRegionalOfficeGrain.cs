using Planering.Grains.Scheduling;

namespace Planering.Grains.Registry;

/// <summary>A regional office (key: its slug, e.g. <c>lulea</c>): profile, staff and its calendar of dialogues, of which it is the single writer.</summary>
[Alias("planering.IRegionalOfficeGrain")]
public interface IRegionalOfficeGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the office's profile; a new office starts without advisors.</summary>
    [Alias("Upsert")]
    Task<OfficeRecord> UpsertAsync(OfficeUpsert upsert);

    /// <summary>The stored office; NotFound if it was never created.</summary>
    [Alias("Get")]
    Task<OfficeRecord> GetAsync();

    /// <summary>Replaces the office's advisors; NotFound if the office does not exist.</summary>
    [Alias("SetStaffing")]
    Task<OfficeRecord> SetStaffingAsync(IReadOnlyList<AdvisorRecord> advisors);

    /// <summary>The earliest feasible slot in this office's calendar for a huvudman.</summary>
    [Alias("FindSlot"), ReadOnly]
    Task<OfficeSlotAnswer> FindSlotAsync(HuvudmanForSlot huvudman, FindSlotRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Books a slot under a dialogue id, idempotently: the same id returns the stored dialogue. A slot no longer free is
    /// a Conflict naming the next free slot; a slot that breaks a rule is a RuleViolation.
    /// </summary>
    [Alias("Book")]
    Task<DialogueRecord> BookAsync(string dialogueId, string requestId, HuvudmanForSlot huvudman, SlotChoice slot);

    /// <summary>Cancels a dialogue (idempotent); NotFound for an unknown id.</summary>
    [Alias("Cancel")]
    Task<DialogueRecord> CancelAsync(string dialogueId, string? reason);

    /// <summary>One dialogue, or null when the office has none with that id.</summary>
    [Alias("GetDialogue"), ReadOnly]
    Task<DialogueRecord?> GetDialogueAsync(string dialogueId);

    /// <summary>The office's dialogues in (date, start, id) order.</summary>
    [Alias("ListDialogues"), ReadOnly]
    Task<DialoguePage> ListDialoguesAsync(DialogueFilter filter, int pageSize, string? pageToken);

    /// <summary>
    /// Cancels one of this office's dialogues through its huvudman (<see cref="IHuvudmanGrain.CancelAsync"/>), which
    /// cancels it here and in its own list: one call from the API, which knows the office from the dialogue id alone.
    /// Interleaves (it only reads here), so the huvudman's call back to <see cref="CancelAsync"/> finds the office free.
    /// </summary>
    [Alias("CancelThroughHuvudman"), AlwaysInterleave]
    Task<DialogueRecord> CancelThroughHuvudmanAsync(string dialogueId, string? reason);

    /// <summary>
    /// The earliest time for a group's digital introduction meeting in this office's calendar (the slot search's
    /// introduction rules for every huvudman of the group); nothing is booked.
    /// </summary>
    [Alias("FindIntroduction"), ReadOnly]
    Task<IntroductionSlotAnswer> FindIntroductionAsync(IntroductionRequest request, IReadOnlyList<HuvudmanForSlot> huvudman);

    /// <summary>
    /// Books a group's introduction meeting once: the same request id answers the stored meeting (a retry); another
    /// request for the same group, or the same request id for another group or time, is AlreadyExists; a chosen time
    /// that is taken is a Conflict naming the next free time, one that breaks a rule a RuleViolation.
    /// </summary>
    [Alias("BookIntroduction")]
    Task<IntroductionMeetingRecord> BookIntroductionAsync(IntroductionRequest request, IReadOnlyList<HuvudmanForSlot> huvudman);

    /// <summary>Cancels an introduction meeting (idempotent): its advisors' time is free again and its group may be booked anew. NotFound for an unknown id.</summary>
    [Alias("CancelIntroduction")]
    Task<IntroductionMeetingRecord> CancelIntroductionAsync(string meetingId);

    /// <summary>The office's introduction meetings of a wave (all waves when null), active ones, by date and start.</summary>
    [Alias("ListIntroductions"), ReadOnly]
    Task<IReadOnlyList<IntroductionMeetingRecord>> ListIntroductionsAsync(string? waveId);
}
