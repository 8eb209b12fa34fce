using Planering.Grains.Scheduling;

namespace Planering.Grains.Registry;

/// <summary>One school organiser, keyed by its 10-digit organisation number.</summary>
[Alias("planering.IHuvudmanGrain")]
public interface IHuvudmanGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the huvudman's profile; returns it as stored.</summary>
    /// <remarks>
    /// 30 s: it lists the huvudman in its kommun's shard and places it through the planning grain, whose world of
    /// thousands of huvudmän makes that call slow on a loaded machine.
    /// </remarks>
    [Alias("Upsert")]
    [ResponseTimeout("00:00:30")]
    Task<HuvudmanRecord> UpsertAsync(HuvudmanUpsert upsert);

    /// <summary>The stored profile; NotFound if the huvudman was never registered.</summary>
    [Alias("Get")]
    Task<HuvudmanRecord> GetAsync();

    /// <summary>The earliest feasible slot at its office (or the one asked for), with reasons and earlier alternatives elsewhere.</summary>
    [Alias("FindNextSlot")]
    Task<SlotAnswer> FindNextSlotAsync(FindSlotRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Books a slot for this huvudman under a request id: the office records it (the source of truth), then the
    /// huvudman's own list. A retry with the same request id returns the same dialogue.
    /// </summary>
    [Alias("Book")]
    Task<DialogueRecord> BookAsync(string requestId, SlotChoice slot);

    /// <summary>Cancels one of the huvudman's dialogues at its office and in its own list.</summary>
    [Alias("Cancel")]
    Task<DialogueRecord> CancelAsync(string dialogueId, string? reason);

    /// <summary>The huvudman's dialogues, booked, held and (if asked) cancelled.</summary>
    [Alias("ListDialogues")]
    Task<DialoguePage> ListDialoguesAsync(DialogueFilter filter, int pageSize, string? pageToken);

    /// <summary>What an import's row would change: new, changed (with the profile to store) or unchanged. Writes nothing.</summary>
    [Alias("CompareImport")]
    Task<HuvudmanImportOutcome> CompareImportAsync(HuvudmanRecord row, bool rowHasPosition);

    /// <summary>Shows a committed import's profile for this huvudman at once (it is stored in <see cref="ImportedProfiles"/>).</summary>
    [Alias("CommitImport")]
    Task CommitImportAsync(HuvudmanRecord imported);

    /// <summary>What the slot search needs of this huvudman (its last dialogue, blocked dates, the calendar and parameter versions).</summary>
    [Alias("ForSlot"), ReadOnly]
    Task<Scheduling.HuvudmanForSlot> GetForSlotAsync();

    /// <summary>As <see cref="UpsertAsync"/>, with the office the plan placed the huvudman at (null when no office has staff yet).</summary>
    [Alias("UpsertListed")]
    Task<HuvudmanListing> UpsertListedAsync(HuvudmanUpsert upsert);

    /// <summary>The huvudman with the office it is assigned to, asked of its index shard here (one call from the API).</summary>
    [Alias("GetListed"), ReadOnly]
    Task<HuvudmanListing> GetListedAsync();
}
