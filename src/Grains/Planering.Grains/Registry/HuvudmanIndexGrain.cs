using Planering.Grains.Hosting;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.HuvudmanIndexState")]
public sealed class HuvudmanIndexState
{
    [Id(0)] public Dictionary<string, HuvudmanListing> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Register imports' parts of this kommun by import id, shown only once the import is committed.</summary>
    [Id(1)] public Dictionary<string, StagedShardPart> Staged { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One import's part of a kommun: entries to add or refresh, and organisation numbers that moved away.</summary>
[GenerateSerializer, Immutable, Alias("planering.StagedShardPart")]
public sealed record StagedShardPart(
    [property: Id(0)] IReadOnlyList<HuvudmanListing> Upserts,
    [property: Id(1)] IReadOnlyList<string> Removals)
{
    /// <summary>Applies the part to <paramref name="entries"/>: an entry already listed keeps its office.</summary>
    public void ApplyTo(Dictionary<string, HuvudmanListing> entries)
    {
        foreach (var upsert in Upserts)
        {
            var officeId = entries.TryGetValue(upsert.Huvudman.OrganisationNumber, out var existing) ? existing.OfficeId ?? upsert.OfficeId : upsert.OfficeId;
            entries[upsert.Huvudman.OrganisationNumber] = upsert with { OfficeId = officeId };
        }

        foreach (var organisationNumber in Removals)
        {
            entries.Remove(organisationNumber);
        }
    }
}

public sealed class HuvudmanIndexGrain(
    [PersistentState("huvudman-index", StorageNames.Planering)] IPersistentState<HuvudmanIndexState> state) : Grain, IHuvudmanIndexGrain
{
    private IReadOnlyList<HuvudmanListing>? _ordered;

    /// <summary>Staged imports this activation already found uncommitted (a commit reaches an active shard by <see cref="CommitImportAsync"/>).</summary>
    private readonly HashSet<string> _notCommitted = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await CommittedStagedAsync() is { Count: > 0 } committed)
        {
            foreach (var importId in committed)
            {
                state.State.Staged.Remove(importId, out var part);
                part!.ApplyTo(state.State.Entries);
            }

            await SaveAsync();
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task UpsertAsync(HuvudmanRecord huvudman)
    {
        var entries = state.State.Entries;
        var officeId = entries.TryGetValue(huvudman.OrganisationNumber, out var existing) ? existing.OfficeId : null;
        entries[huvudman.OrganisationNumber] = new HuvudmanListing(huvudman, officeId);
        await SaveAsync();
    }

    public async Task RemoveAsync(string organisationNumber)
    {
        if (state.State.Entries.Remove(organisationNumber))
        {
            await SaveAsync();
        }
    }

    public async Task SetOfficesAsync(IReadOnlyDictionary<string, string> officeByHuvudman)
    {
        var entries = state.State.Entries;
        var changed = false;
        foreach (var (organisationNumber, officeId) in officeByHuvudman)
        {
            if (entries.TryGetValue(organisationNumber, out var entry) && entry.OfficeId != officeId)
            {
                entries[organisationNumber] = entry with { OfficeId = officeId };
                changed = true;
            }
        }

        if (changed)
        {
            await SaveAsync();
        }
    }

    public async Task<string?> OfficeOfAsync(string organisationNumber) =>
        (await EntriesAsync()).GetValueOrDefault(organisationNumber)?.OfficeId;

    public async Task<HuvudmanRecord?> RecordOfAsync(string organisationNumber) =>
        (await EntriesAsync()).GetValueOrDefault(organisationNumber)?.Huvudman;

    public async Task<HuvudmanShardPage> ListAsync(HuvudmanFilter filter, string? after, int limit)
    {
        var entries = await EntriesAsync();
        var ordered = ReferenceEquals(entries, state.State.Entries)
            ? _ordered ??= Order(entries)
            : Order(entries);
        var items = new List<HuvudmanListing>(Math.Min(limit, 64));
        var matching = 0;
        foreach (var entry in ordered)
        {
            if (!filter.Matches(entry))
            {
                continue;
            }

            matching++;
            if (items.Count < limit && (after is null || string.CompareOrdinal(entry.Huvudman.OrganisationNumber, after) > 0))
            {
                items.Add(entry);
            }
        }

        return new HuvudmanShardPage(items, matching);
    }

    public async Task StageImportAsync(string importId, IReadOnlyList<HuvudmanListing> upserts, IReadOnlyList<string> removals)
    {
        state.State.Staged[importId] = new StagedShardPart(upserts, removals);
        _notCommitted.Remove(importId);
        await state.WriteOrReloadAsync(this);
    }

    public async Task CommitImportAsync(string importId)
    {
        if (state.State.Staged.Remove(importId, out var part))
        {
            part.ApplyTo(state.State.Entries);
            await SaveAsync();
        }
    }

    /// <summary>
    /// The entries as they are to be shown: the stored ones, with any import that was committed but not yet applied here
    /// laid over them (a copy; a read never writes). That happens only between an import's commit and its message to
    /// this shard, so the copy is rare.
    /// </summary>
    private async Task<Dictionary<string, HuvudmanListing>> EntriesAsync()
    {
        if (state.State.Staged.Count == 0 || await CommittedStagedAsync() is not { Count: > 0 } committed)
        {
            return state.State.Entries;
        }

        var view = new Dictionary<string, HuvudmanListing>(state.State.Entries, StringComparer.Ordinal);
        foreach (var importId in committed)
        {
            state.State.Staged[importId].ApplyTo(view);
        }

        return view;
    }

    /// <summary>The staged imports that were committed, asking the import grain about each not yet known to be uncommitted.</summary>
    private async Task<List<string>> CommittedStagedAsync()
    {
        var committed = new List<string>();
        foreach (var importId in state.State.Staged.Keys.Where(id => !_notCommitted.Contains(id)).ToList())
        {
            if (await GrainFactory.GetGrain<IHuvudmanImportGrain>(GrainKeys.Sweden).IsCommittedAsync(importId))
            {
                committed.Add(importId);
            }
            else
            {
                _notCommitted.Add(importId);
            }
        }

        return committed;
    }

    private static List<HuvudmanListing> Order(Dictionary<string, HuvudmanListing> entries) =>
        entries.Values.OrderBy(e => e.Huvudman.OrganisationNumber, StringComparer.Ordinal).ToList();

    private async Task SaveAsync()
    {
        _ordered = null;
        await state.WriteOrReloadAsync(this);
    }
}
