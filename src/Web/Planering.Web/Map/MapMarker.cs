namespace Planering.Web.Map;

/// <summary>A point drawn on the map (an office, a proposed site): radius in map units, label beside it, title on hover.</summary>
public sealed record MapMarker(string Id, double Latitude, double Longitude, double Radius, string Colour, string Label, string Title);
