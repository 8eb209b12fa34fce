using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

/// <summary>
/// The single writer of the live assignment huvudman → office for the whole country (key: <c>sweden</c>). The assignment
/// itself is stored in the kommun index shards (<see cref="IHuvudmanIndexGrain"/>); ask where one huvudman is with
/// <see cref="HuvudmanOffice.OfficeOfAsync"/>.
/// </summary>
[Alias("planering.IPlanningGrain")]
public interface IPlanningGrain : IGrainWithStringKey
{
    /// <summary>
    /// Assigns a huvudman that has no office yet (to the nearest office) and returns its office id; one that moved from
    /// <paramref name="previousKommunkod"/> keeps its office, now recorded in its new kommun's shard. Call it before the
    /// huvudman leaves the old shard.
    /// </summary>
    /// <remarks>
    /// Interleaves with a re-solve (which spends seconds in the solver on a world of thousands of huvudmän): a new huvudman
    /// is not in the world the re-solve read, so the re-solve never overwrites its placement, and registrations do not
    /// wait behind the solver past their call timeout.
    /// </remarks>
    [Alias("Place")]
    [AlwaysInterleave]
    [ResponseTimeout("00:00:30")]
    Task<string?> PlaceAsync(HuvudmanRecord huvudman, string? previousKommunkod);

    /// <summary>Tells the plan that offices or their staffing changed: it re-solves shortly (bursts give one re-solve).</summary>
    /// <remarks>Interleaves with a running re-solve (it only schedules the next one), so a staffing change never waits for the solver.</remarks>
    [Alias("OfficesChanged")]
    [AlwaysInterleave]
    Task OfficesChangedAsync();

    /// <summary>The live plan's figures (read-only: answered during a re-solve, from the assignment as stored).</summary>
    [Alias("GetPlan")]
    [AlwaysInterleave]
    [ResponseTimeout("00:00:30")]
    Task<PlanRecord> GetPlanAsync();

    /// <summary>
    /// Re-solves the live assignment now, keeping huvudmän where moving gains too little. Cancelled before the new
    /// assignment is stored, nothing changes; after that, the re-solve completes.
    /// </summary>
    [Alias("Rebalance")]
    [ResponseTimeout("00:00:30")]
    Task<PlanRecord> RebalanceAsync(CancellationToken cancellationToken = default);

    /// <summary>A copy of the live world and assignment for what-if scenarios (read-only: answered during a re-solve).</summary>
    [Alias("Snapshot")]
    [AlwaysInterleave]
    [ResponseTimeout("00:00:30")]
    Task<PlanningSnapshot> SnapshotAsync();

    /// <summary>Makes a scenario's assignment the live one (for the huvudmän it names that still exist).</summary>
    [Alias("Apply")]
    [ResponseTimeout("00:00:30")]
    Task<PlanRecord> ApplyAsync(IReadOnlyDictionary<string, string> officeByHuvudman);

    /// <summary>
    /// After a register import: gives every huvudman of these kommuner that has no office yet its nearest staffed office
    /// (one write per kommun shard), announces one plan change and re-solves shortly, once for the whole import.
    /// </summary>
    [Alias("PlaceImported")]
    [ResponseTimeout("00:02:00")]
    Task<int> PlaceImportedAsync(IReadOnlyList<string> kommunkoder);

    /// <summary>
    /// Whether a re-solve is due (an office, staffing or calendar change waits out its debounce) or running: a reader that
    /// wants the plan at rest, such as a test comparing the state before and after, waits until this is false.
    /// </summary>
    [Alias("RebalancePending")]
    [AlwaysInterleave]
    Task<bool> RebalancePendingAsync();
}
