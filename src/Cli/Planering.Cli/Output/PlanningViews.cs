using Planering.Contracts.V1;
using Spectre.Console;

namespace Planering.Cli.Output;

/// <summary>How plans, scenarios and site rankings read in the terminal.</summary>
public static class PlanningViews
{
    /// <summary>How many reassigned huvudmän a terminal shows; --json has them all.</summary>
    public const int ReassignedShown = 25;

    public static void WritePlan(IAnsiConsole console, Plan plan)
    {
        var table = Tables.Create(1, "office", "huvudmän", "demand h/yr", "capacity h/yr", "utilisation", "travel km/yr", "travel h/yr", "nights away/yr", "months to cover");
        foreach (var o in plan.Offices)
        {
            table.Row(o.OfficeId, Formats.Count(o.HuvudmanCount), Formats.Number(o.DemandHours), Formats.Number(o.CapacityHours), Formats.Percent(o.Utilisation),
                Formats.Number(o.TravelKmPerYear), Formats.Number(o.TravelHoursPerYear), Formats.Number(o.NightsAwayPerYear), Formats.Number(o.MonthsToCover, 1));
        }

        table.Row("Sweden", Formats.Count(plan.Offices.Sum(o => o.HuvudmanCount)), Formats.Number(plan.DemandHours), Formats.Number(plan.CapacityHours),
            Formats.Percent(plan.NationalUtilisation), Formats.Number(plan.TravelKmPerYear), Formats.Number(plan.TravelHoursPerYear), Formats.Number(plan.NightsAwayPerYear),
            Formats.Number(plan.MonthsToCover, 1));
        console.Write(table);
        console.Line(plan.Feasible
            ? $"Feasible: every office within its capacity. {Formats.Count(plan.Moved)} huvudmän moved in the last re-solve; computed {Formats.Instant(plan.ComputedAt)}."
            : $"Not feasible: {Formats.Number(plan.OverloadHours)} hours a year over capacity. {Formats.Count(plan.Moved)} huvudmän moved in the last re-solve; computed {Formats.Instant(plan.ComputedAt)}.");
    }

    public static void WriteScenario(IAnsiConsole console, ScenarioResult result)
    {
        var before = (result.Before?.Offices ?? []).ToDictionary(o => o.OfficeId, StringComparer.Ordinal);
        var after = (result.After?.Offices ?? []).ToDictionary(o => o.OfficeId, StringComparer.Ordinal);
        var ids = before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k))).ToList();

        console.Heading("Per office, before → after");
        var table = Tables.Create(1, "office", "huvudmän", "utilisation", "travel km/yr", "months to cover");
        foreach (var id in ids)
        {
            before.TryGetValue(id, out var b);
            after.TryGetValue(id, out var a);
            table.Row(id + (b is null ? " (new)" : ""),
                Change(b?.HuvudmanCount, a?.HuvudmanCount, v => Formats.Count((int)v)),
                Change(b?.Utilisation, a?.Utilisation, Formats.Percent),
                Change(b?.TravelKmPerYear, a?.TravelKmPerYear, v => Formats.Number(v)),
                Change(b?.MonthsToCover, a?.MonthsToCover, v => Formats.Number(v, 1)));
        }

        table.Row("Sweden",
            Change(result.Before?.Offices.Sum(o => o.HuvudmanCount), result.After?.Offices.Sum(o => o.HuvudmanCount), v => Formats.Count((int)v)),
            Change(result.Before?.NationalUtilisation, result.After?.NationalUtilisation, Formats.Percent),
            Change(result.Before?.TravelKmPerYear, result.After?.TravelKmPerYear, v => Formats.Number(v)),
            Change(result.Before?.MonthsToCover, result.After?.MonthsToCover, v => Formats.Number(v, 1)));
        console.Write(table);
        console.Line($"Travel saved: {Formats.Number(result.TravelKmSavedPerYear)} km, {Formats.Number(result.TravelHoursSavedPerYear)} advisor hours and {Formats.Number(result.NightsAwaySavedPerYear)} nights away a year.");

        console.Heading($"Huvudmän reassigned: {Formats.Count(result.Reassigned.Count)}");
        if (result.Reassigned.Count > 0)
        {
            var moved = Tables.Create(5, "organisation number", "name", "kommun", "from", "to", "road km before", "road km after");
            foreach (var r in result.Reassigned.Take(ReassignedShown))
            {
                moved.Row(r.HuvudmanId, r.Name, r.Kommunkod, r.FromOfficeId, r.ToOfficeId, Formats.Number(r.RoadKmBefore), Formats.Number(r.RoadKmAfter));
            }

            console.Write(moved);
            if (result.Reassigned.Count > ReassignedShown)
            {
                console.Line($"… and {Formats.Count(result.Reassigned.Count - ReassignedShown)} more (--json lists them all).");
            }
        }

        if (result.LanEffects.Count > 0)
        {
            console.Heading("Per län");
            var lan = Tables.Create(2, "län", "name", "reassigned", "travel km/yr before", "travel km/yr after");
            foreach (var e in result.LanEffects)
            {
                lan.Row(e.Lanskod, e.Lan, Formats.Count(e.HuvudmanReassigned), Formats.Number(e.TravelKmPerYearBefore), Formats.Number(e.TravelKmPerYearAfter));
            }

            console.Write(lan);
        }
    }

    public static void WriteSites(IAnsiConsole console, string title, IEnumerable<SiteCandidate> sites)
    {
        console.Heading(title);
        var table = Tables.Create(3, "rank", "kommun", "län", "travel km/yr saved", "travel h/yr saved", "months to cover after", "reassigned");
        table.Columns[0].Alignment = Justify.Right;
        var rank = 0;
        foreach (var s in sites)
        {
            table.Row(Formats.Count(++rank), $"{s.Kommun} ({s.Kommunkod})", s.Lanskod, Formats.Number(s.TravelKmSavedPerYear), Formats.Number(s.TravelHoursSavedPerYear),
                Formats.Number(s.MonthsToCoverAfter, 1), Formats.Count(s.HuvudmanReassigned));
        }

        console.Write(table);
    }

    private static string Change(double? before, double? after, Func<double, string> format) =>
        $"{(before is { } b ? format(b) : "-")} → {(after is { } a ? format(a) : "-")}";

    private static string Change(int? before, int? after, Func<double, string> format) => Change((double?)before, (double?)after, format);
}
