namespace Planering.Domain.Geography;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPosition(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    // Sweden's bounding box with a small margin (the shipped data were checked against 55.0–69.1 N, 10.9–24.2 E).
    public const double MinLatitude = 55.0;
    public const double MaxLatitude = 69.1;
    public const double MinLongitude = 10.9;
    public const double MaxLongitude = 24.2;

    /// <summary>True when the position is a finite coordinate inside Sweden's bounding box.</summary>
    public bool IsInSweden =>
        double.IsFinite(Latitude) && double.IsFinite(Longitude)
        && Latitude is >= MinLatitude and <= MaxLatitude
        && Longitude is >= MinLongitude and <= MaxLongitude;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKmTo(GeoPosition other)
    {
        var lat1 = ToRadians(Latitude);
        var lat2 = ToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(other.Longitude - Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Moves the position by the given kilometres north and east (small offsets only).</summary>
    public GeoPosition Offset(double northKm, double eastKm)
    {
        var dLat = northKm / 111.195;
        var dLon = eastKm / (111.195 * Math.Cos(ToRadians(Latitude)));
        return new GeoPosition(Math.Round(Latitude + dLat, 4), Math.Round(Longitude + dLon, 4));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
