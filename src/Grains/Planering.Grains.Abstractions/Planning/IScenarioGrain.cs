namespace Planering.Grains.Planning;

/// <summary>A what-if copy of the world (key: a new Guid per scenario). It never touches the live plan until committed; it expires.</summary>
[Alias("planering.IScenarioGrain")]
public interface IScenarioGrain : IGrainWithGuidKey
{
    /// <summary>Re-solves a copy of the world with the new office; cancelled, it stores nothing.</summary>
    [Alias("SimulateOpenOffice")]
    [ResponseTimeout("00:00:30")]
    Task<ScenarioResultRecord> SimulateOpenOfficeAsync(OfficeSpec office, CancellationToken cancellationToken = default);

    /// <summary>Opens the office with its staff and applies the scenario's assignment; committing twice is one commit.</summary>
    [Alias("Commit")]
    [ResponseTimeout("00:00:30")]
    Task<PlanRecord> CommitAsync();
}
