using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class WatchForecastCommandTests(SiloFixture silo)
{
    /// <summary>Long enough for a forecast on a busy two-core machine; a watch that hangs fails instead of blocking the run.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    private Task<CliResult> Watch(LineWriter output, CancellationToken cancellationToken, params string[] args) =>
        CliRunner.RunAsync(null, output, cancellationToken, ["watch-forecast", .. args, "--server", silo.Address, "--token", silo.Token]);

    /// <summary>A change of plan: a fresh office gets its staff.</summary>
    private async Task ChangeThePlanAsync()
    {
        var officeId = TestKeys.OfficeId();
        await silo.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Bevakningskontoret", Kommunkod = "1980" });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "Astrid", Fte = 1 });
        await silo.Registry.SetStaffingAsync(staffing);
    }

    [Fact]
    public async Task Watch_with_count_2_prints_the_current_forecast_then_one_after_a_plan_change_as_json_lines()
    {
        using var timeout = new CancellationTokenSource(Generous);
        var output = new LineWriter();
        var watch = Watch(output, timeout.Token, "--office", "lulea", "--count", "2", "--json");

        await output.WaitForLinesAsync(1, timeout.Token);
        await ChangeThePlanAsync();
        var result = await watch;

        Assert.False(timeout.IsCancellationRequested, "the second forecast did not come within the timeout");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
        var forecasts = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonParser.Default.Parse<CapacityForecast>).ToList();
        Assert.Equal(2, forecasts.Count);
        Assert.All(forecasts, f => Assert.Equal("lulea", Assert.Single(f.Offices).OfficeId));
        Assert.True(forecasts[1].Version > forecasts[0].Version, result.ToString());
    }

    [Fact]
    public async Task Ctrl_c_ends_the_watch_cleanly_with_exit_0_after_a_compact_summary()
    {
        using var timeout = new CancellationTokenSource(Generous);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var output = new LineWriter();
        var watch = Watch(output, ctrlC.Token, "--office", "lulea");

        // The summary's last line is the table's bottom border; the heading alone is not the whole message.
        await output.WaitForLinesAsync(6, timeout.Token);
        await ctrlC.CancelAsync();
        var result = await watch;

        Assert.False(timeout.IsCancellationRequested, "the first forecast did not come within the timeout");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
        Assert.Matches(@"^\d{2}:\d{2}:\d{2} forecast v\d+ \(", result.Output);
        Assert.Matches(@"│ lulea\s+│\s+\d+ % │", result.Output);
        Assert.Contains("│ Sweden (national) │", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2} util\.", result.Output);
    }

    [Fact]
    public async Task A_count_below_1_is_refused_before_any_call()
    {
        var result = await silo.RunAsync("watch-forecast", "--count", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("planering: --count: must be at least 1", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);
    }
}
