using BenchmarkDotNet.Attributes;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;

namespace Planering.Bench.Scheduling;

/// <summary>FindNextSlot's domain search on an office with a year of bookings.</summary>
[MemoryDiagnoser]
public class SlotSearchBenchmarks
{
    private SlotSearchScenario _scenario = null!;
    private SlotQuery _fullYear = null!;
    private SlotQuery _anyMode = null!;
    private SlotQuery _midYear = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new SlotSearchScenario();
        _fullYear = _scenario.QueryFor(_scenario.Probe, SlotSearchScenario.Today, DialogueMode.Digital);
        _anyMode = _scenario.QueryFor(_scenario.Probe, SlotSearchScenario.Today, DialogueMode.Digital, DialogueMode.OnSite);
        _midYear = _scenario.QueryFor(_scenario.Probe, SlotSearchScenario.Today.AddMonths(6), DialogueMode.Digital);
    }

    /// <summary>Worst case: every day of the booked year is full, so the search walks all of it to the first free day.</summary>
    [Benchmark(Description = "full year booked, digital")]
    public FoundSlot? FullYear() => _scenario.Search.FindEarliest(_fullYear, _scenario.Schedule).Slot;

    [Benchmark(Description = "full year booked, any mode")]
    public FoundSlot? FullYearAnyMode() => _scenario.Search.FindEarliest(_anyMode, _scenario.Schedule).Slot;

    [Benchmark(Description = "from mid-year, digital")]
    public FoundSlot? MidYear() => _scenario.Search.FindEarliest(_midYear, _scenario.Schedule).Slot;
}
