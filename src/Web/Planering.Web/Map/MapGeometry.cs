using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Planering.Web.Map;

/// <summary>One kommun as the map draws it: its SVG path in map units, its label point and its box (for zooming to a län).</summary>
public sealed record MapKommun(string Kommunkod, string Name, string Lanskod, string Path, double X, double Y, MapBox Box);

public readonly record struct MapBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public MapBox Union(MapBox other) => new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    /// <summary>The SVG viewBox of this box with a margin of <paramref name="margin"/> map units.</summary>
    public string ViewBox(double margin) => string.Create(CultureInfo.InvariantCulture, $"{MinX - margin:F0} {MinY - margin:F0} {MaxX - MinX + 2 * margin:F0} {MaxY - MinY + 2 * margin:F0}");
}

/// <summary>
/// Sweden's 290 kommuner as SVG paths, from the polygons shipped in the assembly (Map/SOURCE.md). Projected once per
/// process with a sinusoidal projection centred on 16.5°E: x = (λ − λ₀)·cos φ, y = −φ. It keeps areas true and, over
/// Sweden's 14° of longitude, bends the shapes less than an unscaled longitude/latitude grid would; the map is for
/// seeing, not measuring (distances come from the API).
/// </summary>
public sealed class MapGeometry
{
    /// <summary>Map units per degree of latitude: the whole country is about 1,420 units tall, drawn to one decimal.</summary>
    private const double Scale = 100;

    private const double CentralMeridian = 16.5;

    private static readonly Lazy<MapGeometry> Lazy = new(() => Load(typeof(MapGeometry).Assembly.GetManifestResourceStream("Planering.Web.kommuner.geojson")
        ?? throw new InvalidOperationException("the kommun polygons are missing from the assembly")));

    private readonly Dictionary<string, MapKommun> _byCode;

    private MapGeometry(IReadOnlyList<MapKommun> kommuner, MapBox box)
    {
        Kommuner = kommuner;
        Box = box;
        _byCode = kommuner.ToDictionary(k => k.Kommunkod, StringComparer.Ordinal);
    }

    /// <summary>The polygons shipped with the app, parsed on first use.</summary>
    public static MapGeometry Shared => Lazy.Value;

    public IReadOnlyList<MapKommun> Kommuner { get; }

    /// <summary>The whole country's box.</summary>
    public MapBox Box { get; }

    public MapKommun? this[string kommunkod] => _byCode.GetValueOrDefault(kommunkod);

    public static (double X, double Y) Project(double latitude, double longitude) =>
        ((longitude - CentralMeridian) * Math.Cos(latitude * Math.PI / 180) * Scale, -latitude * Scale);

    /// <summary>The kommun whose polygon box holds the point and whose label point is nearest, for a click by coordinates.</summary>
    public MapKommun? Nearest(double latitude, double longitude)
    {
        var (x, y) = Project(latitude, longitude);
        return Kommuner.MinBy(k => ((k.X - x) * (k.X - x)) + ((k.Y - y) * (k.Y - y)));
    }

    /// <summary>The box around one län's kommuner, or the country when the län has none.</summary>
    public MapBox BoxOf(string? lanskod)
    {
        var inLan = Kommuner.Where(k => k.Lanskod == lanskod).ToList();
        return inLan.Count == 0 ? Box : inLan.Skip(1).Aggregate(inLan[0].Box, (box, k) => box.Union(k.Box));
    }

    public static MapGeometry Load(Stream geojson)
    {
        using var document = JsonDocument.Parse(geojson);
        var kommuner = new List<MapKommun>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var path = new StringBuilder();
            var box = new MapBox(double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    var first = true;
                    foreach (var point in ring.EnumerateArray())
                    {
                        var (x, y) = Project(point[1].GetDouble(), point[0].GetDouble());
                        box = box.Union(new MapBox(x, y, x, y));
                        path.Append(CultureInfo.InvariantCulture, $"{(first ? 'M' : 'L')}{x:F1} {y:F1}");
                        first = false;
                    }

                    path.Append('Z');
                }
            }

            var label = properties.GetProperty("geo_point_2d");
            var (lx, ly) = Project(label[0].GetDouble(), label[1].GetDouble());
            kommuner.Add(new MapKommun(
                properties.GetProperty("id").GetString()!,
                properties.GetProperty("kom_namn").GetString()!,
                properties.GetProperty("lan_code").GetString()!,
                path.ToString(),
                lx,
                ly,
                box));
        }

        kommuner.Sort((a, b) => string.CompareOrdinal(a.Kommunkod, b.Kommunkod));
        var all = kommuner.Skip(1).Aggregate(kommuner[0].Box, (box, k) => box.Union(k.Box));
        return new MapGeometry(kommuner, all);
    }
}
