using System.Globalization;
using Bunit;
using Planering.Web.Components.Shared;
using Planering.Web.Map;

namespace Planering.Web.Tests.Components;

public sealed class KommunMapTests : BunitContext
{
    public KommunMapTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    [Fact]
    public void Every_kommun_is_a_path_filled_with_the_colour_given_for_it_and_markers_are_drawn()
    {
        var geometry = MapGeometry.Shared;
        var fills = geometry.Kommuner.ToDictionary(k => k.Kommunkod, k => k.Lanskod == "25" ? "#009E73" : "#0072B2");
        var map = Render<KommunMap>(p => p
            .Add(x => x.Geometry, geometry)
            .Add(x => x.Label, "Sverige")
            .Add(x => x.Fills, fills)
            .Add(x => x.Markers, [MapMarker.At("lulea", 65.58, 22.15, 10, "#009E73", "Luleå 5 %", "Luleå")])
            .Add(x => x.Version, 1));

        Assert.Equal(290, map.FindAll("path[data-kommun]").Count);
        Assert.Equal("#009E73", map.Find("path[data-kommun='2584']").GetAttribute("fill"));
        Assert.Equal("#0072B2", map.Find("path[data-kommun='1280']").GetAttribute("fill"));
        Assert.Contains("Luleå 5 %", map.Find("g.marker text").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void It_redraws_only_when_the_version_changes()
    {
        var geometry = MapGeometry.Shared;
        var map = Render<KommunMap>(p => p.Add(x => x.Geometry, geometry).Add(x => x.Label, "Sverige")
            .Add(x => x.Fills, new Dictionary<string, string> { ["2584"] = "#111111" }).Add(x => x.Version, 1));

        map.Render(p => p.Add(x => x.Fills, new Dictionary<string, string> { ["2584"] = "#222222" }).Add(x => x.Version, 1));
        Assert.Equal("#111111", map.Find("path[data-kommun='2584']").GetAttribute("fill"));

        map.Render(p => p.Add(x => x.Fills, new Dictionary<string, string> { ["2584"] = "#222222" }).Add(x => x.Version, 2));
        Assert.Equal("#222222", map.Find("path[data-kommun='2584']").GetAttribute("fill"));
    }

    [Fact]
    public void The_projection_keeps_the_country_upright_and_a_lan_zooms_to_its_kommuner()
    {
        var geometry = MapGeometry.Shared;
        Assert.Equal(290, geometry.Kommuner.Count);

        // Kiruna is north of Malmö (smaller y on screen) and Haparanda east of Strömstad.
        Assert.True(geometry["2584"]!.Y < geometry["1280"]!.Y);
        Assert.True(geometry["2583"]!.X > geometry["1486"]!.X);
        var norrbotten = geometry.BoxOf("25");
        Assert.True(norrbotten.MaxY - norrbotten.MinY < geometry.Box.MaxY - geometry.Box.MinY);
        Assert.Equal("1280", geometry.Nearest(55.605, 13.0038)!.Kommunkod);
    }
}
