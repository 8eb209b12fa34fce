namespace Planering.Web.Map;

/// <summary>A point drawn on the map (an office, a proposed site) in map units (<see cref="MapGeometry.Project"/>): radius, label beside it, title on hover.</summary>
public sealed record MapMarker(string Id, double X, double Y, double Radius, string Colour, string Label, string Title)
{
    public static MapMarker At(string id, double latitude, double longitude, double radius, string colour, string label, string title)
    {
        var (x, y) = MapGeometry.Project(latitude, longitude);
        return new MapMarker(id, x, y, radius, colour, label, title);
    }
}
