using System.CommandLine;
using Planering.Cli.Charts;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>
/// <c>planering forecast</c>: the management question, capacity for the coming months (ForecastService.GetCapacityForecast),
/// as a table per office and for the nation, and with <c>--chart</c> as a PNG or SVG.
/// </summary>
public static class ForecastCommand
{
    public static Command Create(CommandRunner runner)
    {
        var offices = OfficeOption();
        var horizon = new Option<int>("--horizon") { Description = "Months ahead, 1–60 (default: 24)", HelpName = "MONTHS" };
        var paths = new Option<int>("--paths") { Description = "Monte Carlo paths, 1–100000 (default: 10000)", HelpName = "N" };
        var seed = new Option<long?>("--seed") { Description = "Random seed: the same seed gives the same forecast", HelpName = "N" };
        var chart = new Option<string?>("--chart") { Description = "Also draw the forecast to this file, .png or .svg", HelpName = "FILE" };
        var width = new Option<int>("--width") { Description = "Chart width in pixels", HelpName = "PIXELS", DefaultValueFactory = _ => ForecastChart.DefaultWidth };
        var command = new Command("forecast", "Capacity forecast per office and nationally: demand vs capacity per month with p10/p50/p90") { offices, horizon, paths, seed, chart, width };

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new GetCapacityForecastRequest { HorizonMonths = run.Value(horizon), Paths = run.Value(paths) };
            request.OfficeIds.AddRange(OfficeIds(run, offices));
            if (run.Value(seed) is { } s)
            {
                request.Seed = s;
            }

            if (run.Given(horizon) && request.HorizonMonths is < 1 or > 60)
            {
                throw new InputException("--horizon", "must be between 1 and 60 months");
            }

            if (run.Given(paths) && request.Paths is < 1 or > 100_000)
            {
                throw new InputException("--paths", "must be between 1 and 100000");
            }

            var file = run.Value(chart);
            ForecastChart.Format? format = file is null ? null : ForecastChart.FormatOf(file) ?? throw new InputException("--chart", "must name a .png or .svg file");
            var pixels = run.Value(width);
            if (pixels is < 300 or > 8000)
            {
                throw new InputException("--width", "must be between 300 and 8000 pixels");
            }

            var forecast = await run.Server.Forecast.GetCapacityForecastAsync(request, cancellationToken: cancellationToken);

            // Panels and headings name offices as people do ("Luleå"), not by their ids.
            var names = (await run.Server.Registry.ListOfficesAsync(new ListOfficesRequest(), cancellationToken: cancellationToken)).Offices
                .ToDictionary(o => o.OfficeId, o => o.Name, StringComparer.Ordinal);
            (int Width, int Height)? drawn = file is null ? null : ForecastChart.Write(forecast, file, format!.Value, pixels, names);

            if (run.Json)
            {
                run.WriteJson(forecast);
            }
            else
            {
                ForecastViews.WriteFull(run.Console, forecast, names);
            }

            if (drawn is { } size)
            {
                var line = $"chart: {file} ({size.Width}×{size.Height} px, {ForecastViews.Panels(forecast).Count} panels)";
                if (run.Json)
                {
                    run.Note(line);
                }
                else
                {
                    run.Console.Line(line);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>--office</c>, repeated or comma-separated, as forecast and watch-forecast take it.</summary>
    internal static Option<string[]> OfficeOption() =>
        new("--office") { Description = "An office to forecast (repeat for more; default: every office)", HelpName = "OFFICE_ID" };

    internal static IEnumerable<string> OfficeIds(Invocation run, Option<string[]> option) =>
        (run.Value(option) ?? []).SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct();
}
