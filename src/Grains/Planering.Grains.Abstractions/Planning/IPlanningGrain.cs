using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

/// <summary>The live assignment huvudman → office for the whole country (key: <c>sweden</c>).</summary>
[Alias("planering.IPlanningGrain")]
public interface IPlanningGrain : IGrainWithStringKey
{
    /// <summary>Assigns a huvudman that has no office yet (to the nearest office) and returns its office id.</summary>
    [Alias("Place")]
    Task<string?> PlaceAsync(HuvudmanRecord huvudman);

    /// <summary>The office a huvudman is assigned to, or null when there is no office yet.</summary>
    [Alias("GetOfficeOf"), ReadOnly]
    Task<string?> GetOfficeOfAsync(string organisationNumber);

    /// <summary>Tells the plan that offices or their staffing changed: it re-solves shortly (bursts give one re-solve).</summary>
    [Alias("OfficesChanged")]
    Task OfficesChangedAsync();

    /// <summary>The live plan's figures.</summary>
    [Alias("GetPlan")]
    Task<PlanRecord> GetPlanAsync();

    /// <summary>
    /// Re-solves the live assignment now, keeping huvudmän where moving gains too little. Cancelled before the new
    /// assignment is stored, nothing changes; after that, the re-solve completes.
    /// </summary>
    [Alias("Rebalance")]
    Task<PlanRecord> RebalanceAsync(CancellationToken cancellationToken = default);

    /// <summary>A copy of the live world and assignment for what-if scenarios.</summary>
    [Alias("Snapshot")]
    Task<PlanningSnapshot> SnapshotAsync();

    /// <summary>Makes a scenario's assignment the live one (for the huvudmän it names that still exist).</summary>
    [Alias("Apply")]
    Task<PlanRecord> ApplyAsync(IReadOnlyDictionary<string, string> officeByHuvudman);
}
