using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Planering.Bench.Reporting;

/// <summary>Runs a BenchmarkDotNet class in process and renders its results as a markdown table.</summary>
public static class BenchmarkDotNetRunner
{
    public static string Run<T>(bool quick)
    {
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance);
        if (quick)
        {
            job = job.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1);
        }

        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run<T>(config);

        var table = new StringBuilder();
        table.AppendLine("| benchmark | mean | stddev | allocated per call |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var report in summary.Reports)
        {
            var stats = report.ResultStatistics;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {Time(stats?.Mean)} | {Time(stats?.StandardDeviation)} | {(allocated is { } bytes ? $"{bytes / 1024.0:F1} KiB" : "n/a")} |");
        }

        return table.ToString();
    }

    private static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "failed",
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:F2} ms"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:F1} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:F0} ns"),
    };
}
