namespace Planering.Grains.Hosting;

/// <summary>Remembers which version of the Swedish world this installation was seeded with (key: <c>sweden</c>).</summary>
[Alias("planering.IWorldSeedGrain")]
public interface IWorldSeedGrain : IGrainWithStringKey
{
    [Alias("GetSeededVersion")]
    Task<int> GetSeededVersionAsync();

    [Alias("MarkSeeded")]
    Task MarkSeededAsync(int version);
}
