using System.Buffers.Binary;
using System.Xml.Linq;
using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class ForecastCommandTests(SiloFixture silo)
{
    private static readonly string[] Small = ["forecast", "--office", "lulea", "--horizon", "4", "--paths", "200", "--seed", "7"];

    [Fact]
    public async Task Forecast_prints_a_table_per_office_and_for_the_nation()
    {
        var result = await silo.RunAsync(Small);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Luleå: covers every huvudman within the cycle on", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("lulea:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Sweden (national):", result.Output, StringComparison.Ordinal);
        Assert.Contains("demand h p50 (p10–p90)", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ \d{4}-\d{2} │", result.Output);
        Assert.Equal(2 * 4, result.Output.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^│ \d{4}-\d{2} ")));
    }

    [Fact]
    public async Task Every_panels_hours_axis_starts_at_zero_the_national_one_included()
    {
        var forecast = JsonParser.Default.Parse<CapacityForecast>((await silo.RunAsync([.. Small, "--json"])).Output);

        foreach (var office in forecast.Offices.Append(forecast.National))
        {
            var (bottom, top) = Planering.Cli.Charts.ForecastChart.HoursAxis(office);
            Assert.Equal(0, bottom);
            Assert.True(top > office.Months.Max(m => m.DemandHours.P90), $"{office.OfficeId}: the axis ends at {top}, below the demand");
        }
    }

    [Fact]
    public async Task Forecast_as_json_is_the_protobuf_response_and_the_seed_repeats_it()
    {
        var first = JsonParser.Default.Parse<CapacityForecast>((await silo.RunAsync([.. Small, "--json"])).Output);
        var second = JsonParser.Default.Parse<CapacityForecast>((await silo.RunAsync([.. Small, "--json"])).Output);

        Assert.Equal(4, first.HorizonMonths);
        Assert.Equal("lulea", Assert.Single(first.Offices).OfficeId);
        Assert.Equal(4, first.National.Months.Count);
        Assert.Equal(first.Offices[0].Months, second.Offices[0].Months);
    }

    [Fact]
    public async Task Forecast_chart_png_has_the_size_it_reports()
    {
        var path = Path.Combine(silo.Directory, $"forecast-{Guid.NewGuid():N}.png");

        var result = await silo.RunAsync([.. Small, "--chart", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.Equal(1200, width);
        Assert.Equal(2 * 330, height);
        Assert.Contains($"chart: {path} (1200×660 px, 2 panels)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_chart_svg_is_an_svg_document()
    {
        var path = Path.Combine(silo.Directory, $"forecast-{Guid.NewGuid():N}.svg");

        var result = await silo.RunAsync([.. Small, "--chart", path, "--width", "900"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var svg = XDocument.Load(path);
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
        Assert.Equal("900", svg.Root.Attribute("width")?.Value);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" || e.Name.LocalName == "path");
    }
}
