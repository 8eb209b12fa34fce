using Planering.Grains.Hosting;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.HuvudmanIndexState")]
public sealed class HuvudmanIndexState
{
    [Id(0)] public Dictionary<string, HuvudmanListing> Entries { get; set; } = new(StringComparer.Ordinal);
}

public sealed class HuvudmanIndexGrain(
    [PersistentState("huvudman-index", StorageNames.Planering)] IPersistentState<HuvudmanIndexState> state) : Grain, IHuvudmanIndexGrain
{
    private IReadOnlyList<HuvudmanListing>? _ordered;

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

    public Task<string?> OfficeOfAsync(string organisationNumber) =>
        Task.FromResult(state.State.Entries.GetValueOrDefault(organisationNumber)?.OfficeId);

    public Task<HuvudmanShardPage> ListAsync(HuvudmanFilter filter, string? after, int limit)
    {
        _ordered ??= state.State.Entries.Values.OrderBy(e => e.Huvudman.OrganisationNumber, StringComparer.Ordinal).ToList();
        var items = new List<HuvudmanListing>(Math.Min(limit, 64));
        var matching = 0;
        foreach (var entry in _ordered)
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

        return Task.FromResult(new HuvudmanShardPage(items, matching));
    }

    private async Task SaveAsync()
    {
        _ordered = null;
        await state.WriteOrReloadAsync(this);
    }
}
