using Planering.Domain.World;

namespace Planering.Grains.Registry;

/// <summary>Hands out the place names of the domain's geography (<see cref="SwedishGeography"/>), built once per silo.</summary>
[StatelessWorker]
public sealed class GeographyGrain : Grain, IGeographyGrain
{
    private static readonly PlaceNames Names = new(
        SwedishGeography.Sweden.Kommuner.ToDictionary(k => k.Kommunkod, k => new KommunName(k.Name, k.Lanskod, k.Population), StringComparer.Ordinal),
        SwedishGeography.Sweden.Lan.ToDictionary(l => l.Lanskod, l => l.Name, StringComparer.Ordinal));

    public Task<PlaceNames> GetPlaceNamesAsync() => Task.FromResult(Names);
}
