using Planering.Grains.Hosting;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.OfficeDirectoryState")]
public sealed class OfficeDirectoryState
{
    [Id(0)] public Dictionary<string, OfficeRecord> Offices { get; set; } = new(StringComparer.Ordinal);
}

public sealed class OfficeDirectoryGrain(
    [PersistentState("office-directory", StorageNames.Planering)] IPersistentState<OfficeDirectoryState> state) : Grain, IOfficeDirectoryGrain
{
    public async Task PublishAsync(OfficeRecord office)
    {
        state.State.Offices[office.OfficeId] = office;
        await state.WriteOrReloadAsync(this);
    }

    public Task<IReadOnlyList<OfficeRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<OfficeRecord>>(state.State.Offices.Values.OrderBy(o => o.OfficeId, StringComparer.Ordinal).ToList());
}
