namespace Planering.Grains.Planning;

/// <summary>
/// The live planning parameters (key: <c>sweden</c>): one versioned set that the slot search, the plan, scenarios, the
/// site ranking and the forecast all read.
/// </summary>
[Alias("planering.IPlanningParametersGrain")]
public interface IPlanningParametersGrain : IGrainWithStringKey
{
    /// <summary>The live set (the shipped defaults, version 1, until the first change). Interleaves with a change in
    /// flight, which calls the plan, which may itself be reading the set.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<PlanningParametersDocument> GetAsync();

    /// <summary>
    /// Replaces the set. Its version must be the live one (else a conflict naming the live version, and nothing changes);
    /// every invalid field is named (and nothing changes). The stored set has the next version; the plan re-solves and
    /// the forecast recomputes.
    /// </summary>
    [Alias("Set")]
    Task<PlanningParametersDocument> SetAsync(PlanningParametersDocument proposed);
}
