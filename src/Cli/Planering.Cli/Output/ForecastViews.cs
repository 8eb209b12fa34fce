using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Output;

/// <summary>How capacity forecasts read in the terminal: in full (<c>forecast</c>) or as one compact table (<c>watch-forecast</c>).</summary>
public static class ForecastViews
{
    /// <summary>How many months the compact summary shows; the full table and --json have them all.</summary>
    public const int SummaryMonths = 6;

    /// <summary>The offices in the order the server sent them, then the nation, each with the title it is shown under.</summary>
    /// <param name="names">Office names by id, so a panel says "Luleå", not "lulea"; an office not in it keeps its id.</param>
    public static IReadOnlyList<(string Title, OfficeForecast Forecast)> Panels(CapacityForecast forecast, IReadOnlyDictionary<string, string>? names = null)
    {
        var panels = forecast.Offices.Select(o => (names?.GetValueOrDefault(o.OfficeId) ?? o.OfficeId, o)).ToList();
        if (forecast.National is { } national)
        {
            panels.Add(("Sweden (national)", national));
        }

        return panels;
    }

    /// <summary>A table per office and for the nation: every month's demand, capacity, utilisation and backlog.</summary>
    public static void WriteFull(IAnsiConsole console, CapacityForecast forecast, IReadOnlyDictionary<string, string>? names = null)
    {
        console.Heading($"Capacity forecast from {forecast.StartMonth}, {forecast.HorizonMonths} months, {Formats.Count(forecast.Paths)} paths, seed {forecast.Seed} ({forecast.Method})");
        foreach (var (title, office) in Panels(forecast, names))
        {
            console.Heading($"{title}: covers every huvudman within the cycle on {Formats.Percent(office.CoverageProbability)} of paths ({office.Method})");
            var table = Tables.Create(1, "month", "demand h p50 (p10–p90)", "capacity h p50 (p10–p90)", "utilisation", "backlog h p50 (p90)");
            foreach (var m in office.Months)
            {
                table.Row(m.Month, Band(m.DemandHours), Band(m.CapacityHours), Utilisation(m),
                    $"{Formats.Number(m.BacklogHours?.P50 ?? 0)} ({Formats.Number(m.BacklogHours?.P90 ?? 0)})");
            }

            console.Write(table);
        }
    }

    /// <summary>
    /// One table for one forecast of a watch: a row per office and the nation with the coverage probability and the
    /// utilisation p50 of the next <see cref="SummaryMonths"/> months, under a line saying when and why it came.
    /// </summary>
    public static void WriteSummary(IAnsiConsole console, CapacityForecast forecast, DateTimeOffset received)
    {
        console.Heading($"{received:HH:mm:ss} forecast v{forecast.Version} ({Formats.OrDash(forecast.Trigger)}), computed {Formats.Instant(forecast.ComputedAt)}");
        var panels = Panels(forecast);
        List<string> months = panels.Count == 0 ? [] : [.. panels[0].Forecast.Months.Take(SummaryMonths).Select(m => m.Month)];
        var table = Tables.Create(1, ["office", "covered", .. months.Select(m => $"{m} util.")]);
        foreach (var (title, office) in panels)
        {
            table.Row([title, Formats.Percent(office.CoverageProbability), .. office.Months.Take(months.Count).Select(Utilisation)]);
        }

        console.Write(table);
    }

    private static string Utilisation(MonthForecast month) => Formats.Percent(month.Utilisation?.P50 ?? 0);

    private static string Band(Contracts.V1.Band? band) =>
        band is null ? "-" : $"{Formats.Number(band.P50)} ({Formats.Number(band.P10)}–{Formats.Number(band.P90)})";
}
