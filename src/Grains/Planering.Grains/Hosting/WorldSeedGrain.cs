namespace Planering.Grains.Hosting;

[GenerateSerializer, Alias("planering.WorldSeedState")]
public sealed class WorldSeedState
{
    [Id(0)] public int SeededVersion { get; set; }
}

public sealed class WorldSeedGrain(
    [PersistentState("world-seed", StorageNames.Planering)] IPersistentState<WorldSeedState> state) : Grain, IWorldSeedGrain
{
    public Task<int> GetSeededVersionAsync() => Task.FromResult(state.State.SeededVersion);

    public async Task MarkSeededAsync(int version)
    {
        state.State.SeededVersion = version;
        await state.WriteOrReloadAsync(this);
    }
}
