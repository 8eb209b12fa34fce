using BenchmarkDotNet.Attributes;
using Planering.Domain.Forecasting;

namespace Planering.Bench.Forecasting;

/// <summary>The capacity forecast on the national instance: 24 months × 6 offices × 10,000 paths (target ≤ 0.5 s).</summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private ForecastInput _input = null!;

    [GlobalSetup]
    public void Setup() => _input = NationalForecastScenario.Build();

    [Benchmark(Description = "24 months × 6 offices × 10,000 paths, both cores")]
    public CapacityForecast BothCores() => CapacityForecaster.Run(_input);

    [Benchmark(Description = "the same on one core")]
    public CapacityForecast OneCore() => CapacityForecaster.Run(_input, maxDegreeOfParallelism: 1);
}
