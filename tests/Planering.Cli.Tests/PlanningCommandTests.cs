using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>The planner's commands against the real silo (<see cref="PlanningRenderingTests"/> pins their rendering against a stand-in).</summary>
[Collection(SharedSilo.Name)]
public sealed class PlanningCommandTests(SiloFixture silo)
{
    [Fact]
    public async Task Plan_shows_every_office_and_the_nation()
    {
        var result = await silo.RunAsync("plan");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("│ lulea", result.Output, StringComparison.Ordinal);
        Assert.Contains("│ Sweden", result.Output, StringComparison.Ordinal);
        var plan = JsonParser.Default.Parse<Plan>((await silo.RunAsync("plan", "--json")).Output);
        Assert.True(plan.Offices.Count >= 6);
        Assert.True(plan.CapacityHours > 0);
    }

    [Fact]
    public async Task Simulating_an_office_in_Umea_shows_before_and_after_and_changes_nothing_live()
    {
        var result = await silo.RunAsync("simulate-office", "--name", "Umeå", "--kommun", "2480", "--advisors", "6");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Per office, before → after", result.Output, StringComparison.Ordinal);
        Assert.Contains("(new)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Travel saved:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Per län", result.Output, StringComparison.Ordinal);

        var scenario = JsonParser.Default.Parse<ScenarioResult>((await silo.RunAsync("simulate-office", "--name", "Umeå", "--kommun", "2480", "--advisors", "6", "--json")).Output);
        Assert.Equal(scenario.Before.Offices.Count + 1, scenario.After.Offices.Count);
        Assert.NotEmpty(scenario.Reassigned);
        Assert.True(scenario.TravelKmSavedPerYear > 0);
        var offices = await silo.Registry.ListOfficesAsync(new ListOfficesRequest());
        Assert.DoesNotContain(offices.Offices, o => o.OfficeId == scenario.OfficeId);
    }

    [Fact]
    public async Task Rank_sites_follows_the_stream_and_prints_both_rankings()
    {
        var result = await silo.RunAsync("rank-sites", "--k", "3", "--advisors", "6");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("kommuner evaluated", result.Output, StringComparison.Ordinal);
        Assert.Contains("Top 3 by travel saved", result.Output, StringComparison.Ordinal);
        Assert.Contains("Top 3 by time to cover every huvudman", result.Output, StringComparison.Ordinal);

        var last = JsonParser.Default.Parse<RankOfficeSitesProgress>((await silo.RunAsync("rank-sites", "--k", "3", "--json")).Output);
        Assert.True(last.Done);
        Assert.Equal(3, last.ByTravelSaved.Count);
        Assert.Equal(3, last.ByTimeToCover.Count);
        Assert.Equal(last.Total, last.Evaluated);
    }

    [Fact]
    public async Task Committing_an_unknown_scenario_is_not_found_exit_3()
    {
        var result = await silo.RunAsync("commit-scenario", Guid.NewGuid().ToString());

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("planering: NOT_FOUND: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
