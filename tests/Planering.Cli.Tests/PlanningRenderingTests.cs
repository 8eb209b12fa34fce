using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>The planner's commands over real gRPC against <see cref="FakePlanningServer"/>: what they send and how they show the answer.</summary>
public sealed class PlanningRenderingTests(FakePlanningServer server) : IClassFixture<FakePlanningServer>
{
    [Fact]
    public async Task Simulate_office_sends_the_question_and_shows_before_after_reassigned_and_per_lan()
    {
        var result = await server.RunAsync("simulate-office", "--name", "Umeå", "--kommun", "2480", "--advisors", "6");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.IsType<SimulateOpenOfficeRequest>(server.Service.LastRequest);
        Assert.Equal(("Umeå", "2480", 6), (sent.Name, sent.Kommunkod, sent.Advisors));
        Assert.Contains("umea (new)", result.Output, StringComparison.Ordinal);
        Assert.Contains("200 → 200", result.Output, StringComparison.Ordinal);
        Assert.Contains("Travel saved: 41,250 km and 670 advisor hours a year.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Huvudmän reassigned: 30", result.Output, StringComparison.Ordinal);
        Assert.Contains("… and 5 more (--json lists them all).", result.Output, StringComparison.Ordinal);
        Assert.Contains("Västerbottens län", result.Output, StringComparison.Ordinal);
        Assert.Contains("planering commit-scenario 5c0f4b9e-0000-4000-8000-000000000001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_office_needs_a_place()
    {
        var result = await server.RunAsync("simulate-office", "--name", "Umeå");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("planering: --kommun: say where: --kommun KOMMUNKOD, or both --lat and --lon", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Rank_sites_follows_the_progress_stream_then_prints_both_rankings()
    {
        var result = await server.RunAsync("rank-sites", "--k", "2", "--advisors", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        var sent = Assert.IsType<RankOfficeSitesRequest>(server.Service.LastRequest);
        Assert.Equal((2, 4), (sent.K, sent.Advisors));
        Assert.Equal(["0/290 kommuner evaluated", "100/290 kommuner evaluated", "200/290 kommuner evaluated", "290/290 kommuner evaluated"],
            result.Output.Split('\n').Where(l => l.EndsWith("kommuner evaluated", StringComparison.Ordinal)));
        Assert.Contains("Top 2 by travel saved (4 advisors)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Top 2 by time to cover every huvudman", result.Output, StringComparison.Ordinal);
        Assert.Contains("Umeå (2480)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Jönköping (0680)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_a_terminal_rank_sites_draws_a_progress_bar_that_ends_complete()
    {
        var result = await CliRunner.RunInTerminalAsync("rank-sites", "--k", "2", "--server", server.Address);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("290/290 kommuner evaluated", result.Output, StringComparison.Ordinal);
        Assert.Contains("100%", result.Output, StringComparison.Ordinal);
        Assert.Contains("━", result.Output, StringComparison.Ordinal);
        Assert.Contains("Umeå (2480)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_sites_as_json_is_the_final_message()
    {
        var result = await server.RunAsync("rank-sites", "--k", "3", "--json");

        var last = JsonParser.Default.Parse<RankOfficeSitesProgress>(result.Output);
        Assert.True(last.Done);
        Assert.Equal(3, last.ByTravelSaved.Count);
        Assert.Equal("2480", last.ByTravelSaved[0].Kommunkod);
    }

    [Fact]
    public async Task Plan_and_rebalance_and_commit_show_the_plan()
    {
        var plan = await server.RunAsync("plan");
        var rebalanced = await server.RunAsync("plan", "--rebalance");
        var committed = await server.RunAsync("commit-scenario", "5c0f4b9e-0000-4000-8000-000000000001");
        var unknown = await server.RunAsync("commit-scenario", "nope");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("│ Sweden", plan.Output, StringComparison.Ordinal);
        Assert.Contains("5 huvudmän moved", rebalanced.Output, StringComparison.Ordinal);
        Assert.Contains("│ umea", committed.Output, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
        Assert.Equal("planering: NOT_FOUND: scenario 'nope' does not exist", Assert.Single(unknown.ErrorLines));
    }
}
