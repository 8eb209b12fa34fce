using Planering.Domain.Geography;

namespace Planering.Grains.Registry;

/// <summary>A WGS84 position as it crosses grain calls.</summary>
[GenerateSerializer, Immutable, Alias("planering.GeoPoint")]
public sealed record GeoPoint([property: Id(0)] double Latitude, [property: Id(1)] double Longitude)
{
    public GeoPosition ToDomain() => new(Latitude, Longitude);

    public static GeoPoint From(GeoPosition position) => new(position.Latitude, position.Longitude);
}
