using System.Globalization;
using System.Text;
using Planering.Bench.Hosting;
using Planering.Bench.Reporting;
using Planering.Bench.Scale;

namespace Planering.Bench.Sections;

/// <summary>Many huvudman activations on one silo, and the size of every grain type's stored state afterwards.</summary>
public static class ScaleSection
{
    /// <summary>Dialogues booked at one office before the state sizes are read (about eight months of its calendar).</summary>
    public const int Bookings = 150;

    public static string Title(int count) => string.Create(CultureInfo.InvariantCulture, $"Scale: {count:N0} huvudman grains on one silo");

    public static async Task<string> RunAsync(int count, TextWriter log)
    {
        var register = SyntheticRegister.Huvudman(count).ToList();
        await using var planering = await PlaneringInstance.StartAsync();
        var result = await ActivationScale.RunAsync(planering, register, log);
        var booked = await CalendarFill.BookAsync(planering.Grains, Bookings, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
        log.WriteLine($"booked {booked} dialogues at {CalendarFill.OfficeId}");
        var sizes = StateSizes.Read(planering.DatabasePath);
        return Render(result, booked, sizes);
    }

    private static string Render(ScaleResult r, int booked, IReadOnlyList<StateSizes.Row> sizes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            The real host on a temporary SQLite file, seeded with Sweden. A synthetic register of {Figures.Count(r.Count)} independent
            huvudmän (the same number in each kommun), every one registered through `IHuvudmanGrain.UpsertAsync` as users do it, 16
            at a time: its profile, its kommun's index shard and its place in the live plan. Then the host is restarted,
            so nothing is active, and each huvudman activated by one `GetAsync`: the first {Figures.Count(r.SingleActivations)} one at a
            time, the rest {ActivationScale.Parallelism} in flight. Memory is the managed heap after a forced, compacting full GC, before
            and after; active huvudman grains as the silo's management grain counts them.

            | measure | value |
            |---|---:|
            | managed heap before → after | {Figures.Bytes(r.HeapBeforeBytes)} → {Figures.Bytes(r.HeapAfterBytes)} |
            | **memory per activation** | **{Figures.Bytes(r.BytesPerActivation)}** |
            | active huvudman grains before → after | {Figures.Count(r.ActiveBefore)} → {Figures.Count(r.ActiveAfter)} |
            | **time per activation**, one at a time | **{Figures.Ms(r.SingleMsPerActivation)} ms** |
            | activations per second, {ActivationScale.Parallelism} in flight | {Figures.Rate(r.ParallelActivationsPerSecond)} ({Figures.Ms(r.ParallelTime.TotalMilliseconds / r.ParallelActivations)} ms each) |
            | process working set at the end | {Figures.Bytes(r.WorkingSetBytes)} |
            | registering through `UpsertAsync`, 16 at a time | {Figures.Ms(r.UpsertMs)} ms each ({Figures.Count(r.Count)} in {r.UpsertTime.TotalSeconds:F1} s) |

            ### Stored state per grain type

            Rows and payload sizes (Orleans binary serializer) in `PlaneringGrainState` at the end of this run: the seeded world,
            the synthetic register, the planning and index grains that registering through the grains updates, and {booked} dialogues
            booked at {CalendarFill.OfficeId} (find the next digital slot, book it) so that one office has a calendar and {booked}
            huvudmän a dialogue. The largest `office` payload is {CalendarFill.OfficeId}'s; an office keeps every dialogue it ever booked.

            | grain type | rows | average payload | largest payload | all payloads |
            |---|---:|---:|---:|---:|
            """);
        foreach (var row in sizes)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.GrainType} | {Figures.Count(row.Count)} | {Figures.Bytes(row.AverageBytes)} | {Figures.Bytes(row.MaxBytes)} | {Figures.Bytes(row.TotalBytes)} |");
        }

        return text.ToString();
    }
}
