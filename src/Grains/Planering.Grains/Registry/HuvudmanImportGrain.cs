using Microsoft.Extensions.Logging;
using Planering.Domain.Registry;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;

namespace Planering.Grains.Registry;

/// <summary>Where an import stands: staged parts are invisible until it is committed; finished once the plan has placed it.</summary>
public enum HuvudmanImportStatus
{
    Committed = 1,
    Finished = 2,
}

[GenerateSerializer, Alias("planering.HuvudmanImportEntry")]
public sealed class HuvudmanImportEntry
{
    [Id(0)] public HuvudmanImportStatus Status { get; set; }

    /// <summary>The kommun shards holding a staged part: where a commit must be applied.</summary>
    [Id(1)] public List<string> Kommuner { get; set; } = [];

    [Id(2)] public int Rows { get; set; }

    [Id(3)] public int New { get; set; }

    [Id(4)] public int Changed { get; set; }

    [Id(5)] public int Unchanged { get; set; }

    [Id(6)] public DateTimeOffset CommittedAt { get; set; }

    /// <summary>The buckets holding the imported profiles (<see cref="ImportedProfiles"/>).</summary>
    [Id(7)] public List<string> Buckets { get; set; } = [];
}

[GenerateSerializer, Alias("planering.HuvudmanImportState")]
public sealed class HuvudmanImportState
{
    /// <summary>Committed runs by id (the rows' digest and a run number). A run that never committed has no entry: its staged parts stay invisible.</summary>
    [Id(0)] public Dictionary<string, HuvudmanImportEntry> Imports { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The digests of the registers committed so far, to tell a caller that it repeated one.</summary>
    [Id(1)] public HashSet<string> Digests { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Applies a register in three steps. 1: every row checked (the domain's <see cref="RegisterImport"/>) and compared with
/// its huvudman grain (a read); a bad row fails the import before anything is written. 2: staging: each kommun shard
/// stores its part and each profile bucket (<see cref="ImportedProfiles"/>) the new and changed profiles; none of it is
/// shown. 3: the commit, one write of this grain's state; from then on every participant shows its part — the shards,
/// buckets and active huvudman grains are told at once, a huvudman grain activated later reads its bucket, and a shard
/// or bucket that missed it (a crash, a failed call) asks <see cref="IsCommittedAsync"/> when it next activates or is read.
/// A failure before the commit leaves the register as it was; a failure after it is finished by the next activation
/// (a timer here, the participants' own checks) or by the import's retry. A row equal to the stored huvudman is never
/// written, so a repeated or retried import of the same rows writes nothing (and is told it repeated a committed one).
/// </summary>
public sealed partial class HuvudmanImportGrain(
    [PersistentState("huvudman-import", StorageNames.Planering)] IPersistentState<HuvudmanImportState> state,
    TimeProvider clock,
    ILogger<HuvudmanImportGrain> logger) : Grain, IHuvudmanImportGrain
{
    /// <summary>
    /// Calls in flight to huvudman grains (reads: an import writes no huvudman grain): enough to keep both cores busy.
    /// </summary>
    private const int Parallelism = 64;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An import committed before a crash but not finished: finished from a timer, not here, because the shards it
        // calls may be activating themselves and asking this grain whether the import committed.
        if (state.State.Imports.Values.Any(i => i.Status == HuvudmanImportStatus.Committed))
        {
            this.RegisterGrainTimer(
                async _ =>
                {
                    foreach (var (id, entry) in state.State.Imports.Where(i => i.Value.Status == HuvudmanImportStatus.Committed).ToList())
                    {
                        await FinishAsync(id, entry, []);
                    }
                },
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public Task<bool> IsCommittedAsync(string importId) => Task.FromResult(state.State.Imports.ContainsKey(importId));

    public async Task<HuvudmanImportResult> ImportAsync(string importId, IReadOnlyList<HuvudmanImportRow> rows, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // An earlier import committed but not finished (its call failed after the commit) is finished first, so this
        // one compares its rows with the register as committed.
        foreach (var (runId, unfinished) in state.State.Imports.Where(i => i.Value.Status == HuvudmanImportStatus.Committed).ToList())
        {
            await FinishAsync(runId, unfinished, []);
        }

        var profiles = RegisterImport.Check(
            rows.Select(r => new RegisterRow(r.OrganisationNumber, r.Upsert.Name, r.Upsert.Type, r.Upsert.Kommunkod, r.Upsert.Position?.ToDomain(),
                r.Upsert.Pupils, r.Upsert.Synthetic, r.Upsert.OrganisationNumberSynthetic)).ToList(),
            SwedishGeography.Sweden);

        // Each run stages under an id of its own: a staged part is shown as soon as its id is committed, so a second run
        // of the same rows (after someone changed a huvudman) must not reuse the first run's committed id.
        var run = $"{importId}.{Guid.NewGuid():N}";
        var now = clock.GetUtcNow();
        var outcomes = new HuvudmanImportOutcome[profiles.Count];
        await ForEachAsync(profiles.Count, async i => outcomes[i] = await GrainFactory.GetGrain<IHuvudmanGrain>(profiles[i].OrganisationNumber.Value)
            .CompareImportAsync(profiles[i].ToRecord(now), rows[i].Upsert.Position is not null));

        var entry = new HuvudmanImportEntry
        {
            Rows = rows.Count,
            New = outcomes.Count(o => o.Change == ImportChange.New),
            Changed = outcomes.Count(o => o.Change == ImportChange.Changed),
            Unchanged = outcomes.Count(o => o.Change == ImportChange.Unchanged),
        };
        var imported = state.State.Digests.Contains(importId);
        if (dryRun || entry.Unchanged == entry.Rows)
        {
            // Nothing to write: a repeated import of rows already in the register ends here, having written nothing.
            return Result(importId, entry, dryRun, replayed: imported);
        }

        var written = outcomes.Where(o => o.Change != ImportChange.Unchanged).ToList();
        (entry.Kommuner, entry.Buckets) = await StageAsync(run, written);

        // The commit point: one write. Before it nothing of the import shows; after it all of it does.
        entry.Status = HuvudmanImportStatus.Committed;
        entry.CommittedAt = clock.GetUtcNow();
        state.State.Imports[run] = entry;
        state.State.Digests.Add(importId);
        await state.WriteOrReloadAsync(this);
        LogCommitted(logger, run, entry.Rows, entry.New, entry.Changed, entry.Unchanged);

        await FinishAsync(run, entry, written.Select(o => o.Record).ToList());
        return Result(importId, entry, dryRun, replayed: imported);
    }

    /// <summary>
    /// Stores the import, invisible: each kommun's part in its shard, each profile in its bucket
    /// (<see cref="ImportedProfiles"/>); returns the kommuner and buckets touched.
    /// </summary>
    private async Task<(List<string> Kommuner, List<string> Buckets)> StageAsync(string importId, List<HuvudmanImportOutcome> written)
    {
        // A huvudman that moves kommun keeps its office (as a single registration does): its old shard knows it.
        var movers = written.Where(o => o.PreviousKommunkod is not null).ToList();
        var moverOffices = await Task.WhenAll(movers.Select(m =>
            GrainFactory.GetGrain<IHuvudmanIndexGrain>(m.PreviousKommunkod!).OfficeOfAsync(m.Record.OrganisationNumber)));
        var officeOf = movers.Select((m, i) => (m.Record.OrganisationNumber, Office: moverOffices[i]))
            .Where(m => m.Office is not null).ToDictionary(m => m.OrganisationNumber, m => m.Office, StringComparer.Ordinal);

        var upserts = written.GroupBy(o => o.Record.Kommunkod, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => new HuvudmanListing(o.Record, officeOf.GetValueOrDefault(o.Record.OrganisationNumber))).ToList(), StringComparer.Ordinal);
        var removals = movers.GroupBy(o => o.PreviousKommunkod!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.Record.OrganisationNumber).ToList(), StringComparer.Ordinal);
        var kommuner = upserts.Keys.Union(removals.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var profiles = written.GroupBy(o => ImportedProfiles.BucketOf(o.Record.OrganisationNumber), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => new HuvudmanListing(o.Record, null)).ToList(), StringComparer.Ordinal);
        var buckets = profiles.Keys.Order(StringComparer.Ordinal).ToList();
        await Task.WhenAll(kommuner.Select(k => GrainFactory.GetGrain<IHuvudmanIndexGrain>(k)
            .StageImportAsync(importId, upserts.GetValueOrDefault(k) ?? [], removals.GetValueOrDefault(k) ?? []))
            .Concat(buckets.Select(b => GrainFactory.GetGrain<IHuvudmanIndexGrain>(b).StageImportAsync(importId, profiles[b], []))));
        return (kommuner, buckets);
    }

    /// <summary>
    /// Tells the huvudman grains of this call's rows (none after a restart: they read their bucket when they activate) and the shards and buckets, then has the
    /// plan place the new huvudmän, once for the whole import. Every step is idempotent, so a retry repeats it safely.
    /// </summary>
    private async Task FinishAsync(string importId, HuvudmanImportEntry entry, List<HuvudmanRecord> staged)
    {
        // The huvudman grains first: they were activated by the compare and would not read their bucket again, while a
        // shard or bucket whose write fails below still shows the committed part to every reader.
        await ForEachAsync(staged.Count, i => GrainFactory.GetGrain<IHuvudmanGrain>(staged[i].OrganisationNumber).CommitImportAsync(staged[i]));
        await Task.WhenAll(entry.Kommuner.Concat(entry.Buckets).Select(k => GrainFactory.GetGrain<IHuvudmanIndexGrain>(k).CommitImportAsync(importId)));
        var placed = await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).PlaceImportedAsync(entry.Kommuner);

        entry.Status = HuvudmanImportStatus.Finished;
        await state.WriteOrReloadAsync(this);
        LogFinished(logger, importId, entry.Kommuner.Count, placed);
    }

    /// <summary>Runs <paramref name="call"/> for 0…count-1 with at most <see cref="Parallelism"/> in flight, on this grain's scheduler.</summary>
    private static async Task ForEachAsync(int count, Func<int, Task> call)
    {
        var inFlight = new List<Task>(Parallelism);
        for (var i = 0; i < count; i++)
        {
            if (inFlight.Count == Parallelism)
            {
                var finished = await Task.WhenAny(inFlight);
                inFlight.Remove(finished);
                await finished;
            }

            inFlight.Add(call(i));
        }

        await Task.WhenAll(inFlight);
    }

    private static HuvudmanImportResult Result(string importId, HuvudmanImportEntry entry, bool dryRun, bool replayed) =>
        new(importId, entry.Rows, entry.New, entry.Changed, entry.Unchanged, dryRun, replayed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} committed: {Rows} rows, {New} new, {Changed} changed, {Unchanged} unchanged")]
    private static partial void LogCommitted(ILogger logger, string importId, int rows, int @new, int changed, int unchanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} finished: {Kommuner} kommun shards applied, {Placed} huvudmän placed at an office")]
    private static partial void LogFinished(ILogger logger, string importId, int kommuner, int placed);
}
