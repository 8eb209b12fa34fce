namespace Planering.Grains.Planning;

/// <summary>A what-if copy of the world (key: a new Guid per scenario). It never touches the live plan until committed; it expires.</summary>
[Alias("planering.IScenarioGrain")]
public interface IScenarioGrain : IGrainWithGuidKey
{
    [Alias("SimulateOpenOffice")]
    Task<ScenarioResultRecord> SimulateOpenOfficeAsync(OfficeSpec office);

    /// <summary>Opens the office with its staff and applies the scenario's assignment; committing twice is one commit.</summary>
    [Alias("Commit")]
    Task<PlanRecord> CommitAsync();
}
