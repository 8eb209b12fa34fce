namespace Planering.Grains.Registry;

/// <summary>
/// The names the API shows beside Sweden's codes: each kommun's name, län and population, each län's name. Reference
/// data the domain's geography holds (<see cref="IGeographyGrain"/> hands it out), so a client of the grains (the
/// gateway) names places without the domain's world.
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.PlaceNames")]
public sealed record PlaceNames(
    [property: Id(0)] IReadOnlyDictionary<string, KommunName> Kommuner,
    [property: Id(1)] IReadOnlyDictionary<string, string> Lan)
{
    /// <summary>The kommun with <paramref name="kommunkod"/>; every code a grain returns is one of Sweden's.</summary>
    public KommunName Kommun(string kommunkod) =>
        Kommuner.TryGetValue(kommunkod, out var kommun) ? kommun : throw new KeyNotFoundException($"unknown kommunkod '{kommunkod}'");

    /// <summary>The län's name, or empty for a code that names none.</summary>
    public string LanName(string? lanskod) => lanskod is not null && Lan.TryGetValue(lanskod, out var name) ? name : string.Empty;
}

[GenerateSerializer, Immutable, Alias("planering.KommunName")]
public sealed record KommunName(
    [property: Id(0)] string Name,
    [property: Id(1)] string Lanskod,
    [property: Id(2)] int Population);

/// <summary>Sweden's place names (a stateless worker, key 0): what never changes while a silo runs.</summary>
[Alias("planering.IGeographyGrain")]
public interface IGeographyGrain : IGrainWithIntegerKey
{
    [Alias("GetPlaceNames")]
    Task<PlaceNames> GetPlaceNamesAsync();
}
