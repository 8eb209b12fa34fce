using Planering.Cli.Output;
using Planering.Contracts.V1;
using ScottPlot;
using SkiaSharp;

namespace Planering.Cli.Charts;

/// <summary>
/// The capacity forecast as a picture: one panel per office and one for the nation, each with demand and capacity
/// hours per month, the p50 as a line and the p10–p90 band shaded. PNG or SVG by the file's extension.
/// </summary>
public static class ForecastChart
{
    public const int DefaultWidth = 1200;
    public const int PanelHeight = 330;

    private static readonly Color DemandColor = Color.FromHex("#d95f02");
    private static readonly Color CapacityColor = Color.FromHex("#1b6ca8");

    public enum Format
    {
        Png,
        Svg,
    }

    /// <summary>The format a file name asks for, or null when it asks for neither.</summary>
    public static Format? FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".PNG" => Format.Png,
        ".SVG" => Format.Svg,
        _ => null,
    };

    /// <summary>Writes the chart and returns its size in pixels.</summary>
    public static (int Width, int Height) Write(
        CapacityForecast forecast, string path, Format format, int width = DefaultWidth, IReadOnlyDictionary<string, string>? names = null)
    {
        var panels = ForecastViews.Panels(forecast, names);
        var height = Math.Max(1, panels.Count) * PanelHeight;
        var plots = panels.Select(p => Panel(p.Title, p.Forecast)).ToList();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        if (format == Format.Png)
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, height)) ?? throw new IOException("could not create a drawing surface for the chart");
            Draw(surface.Canvas, plots, width);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            using var file = File.Create(path);
            png.SaveTo(file);
        }
        else
        {
            using var file = File.Create(path);
            using (var stream = new SKManagedWStream(file))
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            {
                // The SVG is complete only once the canvas is disposed, so it is disposed before the file.
                Draw(canvas, plots, width);
            }
        }

        return (width, height);
    }

    private static void Draw(SKCanvas canvas, List<Plot> plots, int width)
    {
        canvas.Clear(SKColors.White);
        for (var i = 0; i < plots.Count; i++)
        {
            // A plot clears its background before drawing; the clip keeps that to its own panel.
            canvas.Save();
            canvas.ClipRect(new SKRect(0, i * PanelHeight, width, (i + 1) * PanelHeight));
            plots[i].Render(canvas, new PixelRect(new Pixel(0, i * PanelHeight), new PixelSize(width, PanelHeight)));
            canvas.Restore();
        }
    }

    private static Plot Panel(string title, OfficeForecast office)
    {
        var plot = new Plot();
        var months = office.Months;
        var xs = Enumerable.Range(0, months.Count).Select(i => (double)i).ToArray();

        Band(plot, xs, months.Select(m => m.CapacityHours).ToList(), CapacityColor, "capacity p50 (p10–p90)");
        Band(plot, xs, months.Select(m => m.DemandHours).ToList(), DemandColor, "demand p50 (p10–p90)");

        // Every month while there is room for its label; every quarter or half year over longer horizons.
        var step = months.Count <= 12 ? 1 : months.Count <= 36 ? 3 : 6;
        var ticks = xs.Where(x => (int)x % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, ticks.Select(x => months[(int)x].Month).ToArray());
        plot.Title($"{title}: demand vs capacity, hours per month; cycle covered on {Formats.Percent(office.CoverageProbability)} of paths");
        plot.YLabel("hours per month");
        var (bottom, top) = HoursAxis(office);
        plot.Axes.SetLimits(-0.5, Math.Max(0.5, months.Count - 0.5), bottom, top);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// The hours axis of a panel: from zero, so that the height of a band is its size (an axis starting near the
    /// national demand made small differences look large), to a tenth above the highest p90, where the legend sits.
    /// </summary>
    public static (double Bottom, double Top) HoursAxis(OfficeForecast office)
    {
        ArgumentNullException.ThrowIfNull(office);
        var highest = office.Months.Select(m => Math.Max(m.DemandHours?.P90 ?? 0, m.CapacityHours?.P90 ?? 0)).DefaultIfEmpty(0).Max();
        return (0, highest > 0 ? highest * 1.15 : 1);
    }

    private static void Band(Plot plot, double[] xs, List<Contracts.V1.Band> bands, Color color, string label)
    {
        // A month the server sent without a band draws as zero rather than failing the whole chart.
        var p10 = bands.Select(b => b is null ? 0 : b.P10).ToArray();
        var p50 = bands.Select(b => b is null ? 0 : b.P50).ToArray();
        var p90 = bands.Select(b => b is null ? 0 : b.P90).ToArray();
        var fill = plot.Add.FillY(xs, p10, p90);
        fill.FillColor = color.WithAlpha(0.25);
        fill.LineColor = color.WithAlpha(0);
        var line = plot.Add.Scatter(xs, p50);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = label;
    }
}
