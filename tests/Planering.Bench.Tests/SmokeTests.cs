using Planering.Bench;

namespace Planering.Bench.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Smoke_runs_every_section_and_every_call_answers()
    {
        using var log = new StringWriter();

        var result = await Smoke.RunAsync(log);

        Assert.NotNull(result.SlotSearchDate);
        Assert.Equal(6, result.ForecastOffices);
        Assert.Equal((20, 0), (result.Echo.Calls, result.Echo.Failures));
        Assert.Equal((20, 0), (result.FindNextSlot.Calls, result.FindNextSlot.Failures));
        Assert.False(double.IsNaN(result.FindNextSlot.P99Ms));
        Assert.NotNull(result.FoundSlot);
        Assert.NotEmpty(result.FoundSlot.OfficeId);
        Assert.Equal(2, result.FoundSlot.AdvisorIds.Count);
        Assert.Equal(result.Scale.Count, result.Scale.ActiveAfter);
        Assert.Equal(0, result.Scale.ActiveBefore);
        Assert.Contains(result.StateSizes, row => row.GrainType == "huvudman" && row.Count >= result.Scale.Count);

        Assert.Contains("smoke: calibration replay of 3 months", log.ToString(), StringComparison.Ordinal);

        // DESIGN: no single state write grows with the whole country. The seeded huvudmän and the registered ones
        // are assigned in their kommun shards; the planning grain itself stores only a count.
        var planning = Assert.Single(result.StateSizes, row => row.GrainType == "planning");
        Assert.True(planning.MaxBytes <= 64, $"the planning grain stores {planning.MaxBytes} B");
        Assert.True(result.Succeeded, log.ToString());
        Assert.Contains("smoke: FindNextSlot for", log.ToString(), StringComparison.Ordinal);
    }
}
