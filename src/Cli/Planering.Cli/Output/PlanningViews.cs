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
                moved.Row(r.OrganisationNumberSynthetic ? $"{r.HuvudmanId} {Formats.GeneratedMark}" : r.HuvudmanId, r.Name, r.Kommunkod, r.FromOfficeId, r.ToOfficeId, Formats.Number(r.RoadKmBefore), Formats.Number(r.RoadKmAfter));
            }

            console.Write(moved);
            if (result.Reassigned.Take(ReassignedShown).Any(r => r.OrganisationNumberSynthetic))
            {
                console.Line($"{Formats.GeneratedMark} generated organisation number, not the real one");
            }

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
        var table = Tables.Create(3, "rank", "kommun", "län", "travel km/yr saved", "travel h/yr saved", "months to cover after", "reassigned",
            "nearest lärosäte", "km", "nearest office", "rules");
        table.Columns[0].Alignment = Justify.Right;
        table.Columns[7].Alignment = Justify.Left;
        table.Columns[9].Alignment = Justify.Left;
        table.Columns[10].Alignment = Justify.Left;
        var rank = 0;
        foreach (var s in sites)
        {
            table.Row(Formats.Count(++rank), $"{s.Kommun} ({s.Kommunkod})", s.Lanskod, Formats.Number(s.TravelKmSavedPerYear), Formats.Number(s.TravelHoursSavedPerYear),
                Formats.Number(s.MonthsToCoverAfter, 1), Formats.Count(s.HuvudmanReassigned),
                Formats.OrDash(s.NearestLarosate), s.NearestLarosateKm >= 0 ? Formats.Number(s.NearestLarosateKm) : "-",
                s.NearestOfficeKm >= 0 ? $"{s.NearestOfficeId} {Formats.Number(s.NearestOfficeKm)} km" : "-",
                RuleMarks(s));
        }

        console.Write(table);
    }

    /// <summary>The rules a ranking applied and how many kommuner met them.</summary>
    public static void WriteRules(IAnsiConsole console, RankOfficeSitesProgress ranking)
    {
        if (ranking.Rules is not { } r)
        {
            return;
        }

        var larosate = r.RequireLarosate ? $"a lärosäte within {Formats.Number(r.MaxLarosateKm)} km" : "no lärosäte required";
        var spsm = r.PreferSpsm ? $"SPSM's sites preferred ({string.Join(", ", r.SpsmKommunkoder)})" : "SPSM not preferred";
        var listed = (r.ExcludedKommunkoder.Count > 0 ? $"; excluded {string.Join(", ", r.ExcludedKommunkoder)}" : string.Empty) +
            (r.InsistedKommunkoder.Count > 0 ? $"; insisted on {string.Join(", ", r.InsistedKommunkoder)}" : string.Empty);
        console.Line($"Siting rules: {larosate}; no office within {Formats.Number(r.MinOfficeDistanceKm)} km; {spsm}{listed}.");
        console.Line($"{Formats.Count(ranking.Eligible)} of {Formats.Count(ranking.Total)} kommuner meet them.");
    }

    /// <summary>Each ranked site's verdict per rule, once per site.</summary>
    public static void WriteVerdicts(IAnsiConsole console, IEnumerable<SiteCandidate> sites)
    {
        console.Heading("Rule verdicts (✓ met, ✗ not met)");
        var table = Tables.Create("kommun", "rule", "", "reason", "skäl");
        foreach (var s in sites.DistinctBy(s => s.Kommunkod))
        {
            var first = true;
            foreach (var v in s.Verdicts)
            {
                table.Row(first ? $"{s.Kommun} ({s.Kommunkod})" : string.Empty, v.Rule, v.Passed ? "✓" : "✗", v.Reason, v.ReasonSv);
                first = false;
            }
        }

        console.Write(table);
    }

    /// <summary>A wave of offices evaluated together: each site's added effect, then the combined figures.</summary>
    public static void WriteWave(IAnsiConsole console, SiteWave wave)
    {
        console.Heading($"The next {Formats.Count(wave.Sites.Count)} offices together");
        var table = Tables.Create(2, "order", "kommun", "travel km/yr added", "alone km/yr", "months to cover after", "reassigned", "nearest lärosäte", "nearest office");
        table.Columns[6].Alignment = Justify.Left;
        table.Columns[7].Alignment = Justify.Left;
        var order = 0;
        foreach (var (s, alone) in wave.Sites.Zip(wave.SingleSiteTravelKmSavedPerYear))
        {
            table.Row(Formats.Count(++order), $"{s.Kommun} ({s.Kommunkod})", Formats.Number(s.TravelKmSavedPerYear), Formats.Number(alone),
                Formats.Number(s.MonthsToCoverAfter, 1), Formats.Count(s.HuvudmanReassigned),
                s.NearestLarosateKm >= 0 ? $"{s.NearestLarosate} {Formats.Number(s.NearestLarosateKm)} km" : "-",
                s.NearestOfficeKm >= 0 ? $"{s.NearestOfficeId} {Formats.Number(s.NearestOfficeKm)} km" : "-");
        }

        console.Write(table);
        console.Line($"Together: {Formats.Number(wave.TravelKmSavedPerYear)} km and {Formats.Number(wave.TravelHoursSavedPerYear)} advisor hours of travel saved a year " +
            $"(the single-site answers added up would claim {Formats.Number(wave.SingleSiteTravelKmSavedSum)} km); months to cover every huvudman " +
            $"{Formats.Number(wave.MonthsToCoverBefore, 1)} → {Formats.Number(wave.MonthsToCoverAfter, 1)}; {Formats.Count(wave.HuvudmanReassigned)} huvudmän reassigned.");
        console.Line($"Method: {wave.Method}.");
    }

    private static string RuleMarks(SiteCandidate s) =>
        s.Verdicts.Count == 0 ? "-" : string.Join(" ", s.Verdicts.Select(v => $"{Short(v.Rule)}{(v.Passed ? "✓" : "✗")}"));

    private static string Short(string rule) => rule switch
    {
        "LAROSATE" => "lärosäte",
        "SPREAD" => "spread",
        "SPSM" => "SPSM",
        "EXCLUDED" => "excluded",
        "INSISTED" => "insisted",
        _ => rule,
    };

    private static string Change(double? before, double? after, Func<double, string> format) =>
        $"{(before is { } b ? format(b) : "-")} → {(after is { } a ? format(a) : "-")}";

    private static string Change(int? before, int? after, Func<double, string> format) => Change((double?)before, (double?)after, format);
}
