using System.Diagnostics;
using Planering.Bench.Hosting;
using Planering.Domain.Registry;
using Planering.Grains.Registry;

namespace Planering.Bench.Scale;

/// <summary>
/// Many huvudman grains on one silo: a synthetic register is registered the way users do it (UpsertAsync: profile,
/// kommun index, live plan), the host restarted so nothing is active, and then every huvudman activated (a GetAsync
/// each) with the managed heap measured before and after under a forced full GC.
/// </summary>
public static class ActivationScale
{
    /// <summary>Activations in flight at once: enough to keep both cores and the SQLite reads busy.</summary>
    public const int Parallelism = 64;

    /// <param name="register">The huvudmän to store and activate, e.g. <see cref="SyntheticRegister.Huvudman"/>; built before the
    /// host starts, so a bad register fails before minutes of setup.</param>
    /// <param name="register">The huvudmän to register and activate, e.g. <see cref="SyntheticRegister.Huvudman"/>; built before the
    /// host starts, so a bad register fails before minutes of setup.</param>
    public static async Task<ScaleResult> RunAsync(PlaneringInstance planering, IReadOnlyList<HuvudmanProfile> register, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(planering);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(log);
        var count = register.Count;

        var upsertTime = Stopwatch.StartNew();
        await Parallel.ForEachAsync(register, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (h, _) =>
            await planering.Grains.GetGrain<IHuvudmanGrain>(h.OrganisationNumber.Value).UpsertAsync(
                new HuvudmanUpsert(h.Name, h.Type, h.Kommunkod, GeoPoint.From(h.Position), h.Pupils, h.Synthetic)));
        upsertTime.Stop();
        log.WriteLine($"registered {count} through UpsertAsync in {upsertTime.Elapsed.TotalSeconds:F1} s");

        await planering.RestartAsync();
        var single = register.Take(Math.Min(1_000, count / 10)).ToList();
        var rest = register.Skip(single.Count).ToList();
        var management = planering.Grains.GetGrain<IManagementGrain>(0);
        var activeBefore = await ActiveHuvudmanAsync(management);
        var heapBefore = FullGcHeapBytes();

        // One at a time first, for the cost of a single activation as a caller sees it…
        var singleTime = Stopwatch.StartNew();
        foreach (var h in single)
        {
            await planering.Grains.GetGrain<IHuvudmanGrain>(h.OrganisationNumber.Value).GetAsync();
        }

        singleTime.Stop();

        // …then the rest in parallel, for the rate one silo activates at.
        var parallelTime = Stopwatch.StartNew();
        await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (h, _) =>
            await planering.Grains.GetGrain<IHuvudmanGrain>(h.OrganisationNumber.Value).GetAsync());
        parallelTime.Stop();

        var heapAfter = FullGcHeapBytes();
        var activeAfter = await ActiveHuvudmanAsync(management);
        var result = new ScaleResult(
            count, upsertTime.Elapsed,
            single.Count, singleTime.Elapsed, rest.Count, parallelTime.Elapsed,
            activeBefore, activeAfter, heapBefore, heapAfter, Environment.WorkingSet);
        log.WriteLine(result.Describe());
        return result;
    }

    /// <summary>Huvudman activations the silo reports, so the figure is known to be about that many live grains.</summary>
    private static async Task<int> ActiveHuvudmanAsync(IManagementGrain management)
    {
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(nameof(HuvudmanGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    /// <summary>The managed heap after a forced, blocking, compacting full collection: what is really kept alive.</summary>
    private static long FullGcHeapBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
