using Planering.Contracts.V1;
using Planering.Web.Api;
using Planering.Web.Text;

namespace Planering.Web.Export;

/// <summary>What the app exports, as tables with headers in the user's language and raw numbers (not formatted text).</summary>
public static class Tables
{
    public sealed record BeforeAfterRow(string OfficeId, OfficePlan? Before, OfficePlan? After);

    /// <summary>Every office of a scenario, before and after, the new office last.</summary>
    public static IReadOnlyList<BeforeAfterRow> BeforeAfterRows(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ids = result.Before.Offices.Select(o => o.OfficeId).Union(result.After.Offices.Select(o => o.OfficeId))
            .OrderBy(id => id == result.OfficeId ? 1 : 0).ThenBy(id => id, StringComparer.Ordinal);
        return ids.Select(id => new BeforeAfterRow(id, result.Before.Offices.FirstOrDefault(o => o.OfficeId == id), result.After.Offices.FirstOrDefault(o => o.OfficeId == id))).ToList();
    }

    public static Sheets Plan(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var offices = new Sheet(L.T("Plan per kontor", "Plan per office"),
            [L.T("Kontor", "Office"), L.T("Kontorets id", "Office id"), L.T("Huvudmän", "Huvudmän"), L.T("Efterfrågan timmar/år", "Demand hours/yr"), L.T("Kapacitet timmar/år", "Capacity hours/yr"),
             L.T("Nyttjande", "Utilisation"), L.T("Resor km/år", "Travel km/yr"), L.T("Restid timmar/år", "Travel hours/yr"), L.T("Månader att täcka", "Months to cover")],
            world.Plan.Offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).Select(o => (IReadOnlyList<object?>)
                [world.OfficeName(o.OfficeId), o.OfficeId, o.HuvudmanCount, o.DemandHours, o.CapacityHours, o.Utilisation, o.TravelKmPerYear, o.TravelHoursPerYear, o.MonthsToCover]).ToList());
        var huvudman = new Sheet(L.T("Huvudmän och kontor", "Huvudmän and offices"),
            [L.T("Organisationsnummer", "Organisation number"), L.T("Namn", "Name"), L.T("Kommunkod", "Kommun code"), L.T("Kommun", "Kommun"), L.T("Län", "County"), L.T("Kontor", "Office"), L.T("Elever", "Pupils"), L.T("Syntetisk", "Synthetic")],
            world.Huvudman.OrderBy(h => h.Kommunkod, StringComparer.Ordinal).ThenBy(h => h.OrganisationNumber, StringComparer.Ordinal)
                .Select(h => (IReadOnlyList<object?>)[h.OrganisationNumber, h.Name, h.Kommunkod, h.Kommun, h.Lan, h.OfficeId, h.Pupils, h.Synthetic ? L.T("ja", "yes") : L.T("nej", "no")]).ToList());
        return new Sheets([offices, huvudman]);
    }

    public static Sheets Scenario(ScenarioResult result, World world, string name)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(world);
        string Office(string id) => id == result.OfficeId ? $"{name} ({L.T("nytt", "new")})" : world.OfficeName(id);
        var offices = new Sheet(L.T("Före och efter", "Before and after"),
            [L.T("Kontor", "Office"), L.T("Huvudmän före", "Huvudmän before"), L.T("Huvudmän efter", "Huvudmän after"), L.T("Nyttjande före", "Utilisation before"), L.T("Nyttjande efter", "Utilisation after"),
             L.T("Resor km/år före", "Travel km/yr before"), L.T("Resor km/år efter", "Travel km/yr after"), L.T("Månader att täcka före", "Months to cover before"), L.T("Månader att täcka efter", "Months to cover after")],
            BeforeAfterRows(result).Select(r => (IReadOnlyList<object?>)
                [Office(r.OfficeId), r.Before?.HuvudmanCount, r.After?.HuvudmanCount, r.Before?.Utilisation, r.After?.Utilisation, r.Before?.TravelKmPerYear, r.After?.TravelKmPerYear, r.Before?.MonthsToCover, r.After?.MonthsToCover])
                .Append([L.T("Sverige", "Sweden"), result.Before.Offices.Sum(o => o.HuvudmanCount), result.After.Offices.Sum(o => o.HuvudmanCount), result.Before.NationalUtilisation, result.After.NationalUtilisation,
                         result.Before.TravelKmPerYear, result.After.TravelKmPerYear, result.Before.MonthsToCover, result.After.MonthsToCover]).ToList());
        var moved = new Sheet(L.T("Huvudmän som byter kontor", "Huvudmän changing office"),
            [L.T("Organisationsnummer", "Organisation number"), L.T("Namn", "Name"), L.T("Kommunkod", "Kommun code"), L.T("Från", "From"), L.T("Till", "To"), L.T("Väg km före", "Road km before"), L.T("Väg km efter", "Road km after")],
            result.Reassigned.Select(r => (IReadOnlyList<object?>)[r.HuvudmanId, r.Name, r.Kommunkod, Office(r.FromOfficeId), Office(r.ToOfficeId), r.RoadKmBefore, r.RoadKmAfter]).ToList());
        return new Sheets([offices, moved]);
    }

    public static Sheets Forecast(CapacityForecast forecast, World world)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(world);
        var rows = forecast.Offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).Append(forecast.National).Where(o => o is not null)
            .SelectMany(o => o.Months.Select(m => (IReadOnlyList<object?>)
                [o.OfficeId == "national" ? L.T("Hela Sverige", "All of Sweden") : world.OfficeName(o.OfficeId), m.Month,
                 m.DemandHours.P10, m.DemandHours.P50, m.DemandHours.P90, m.CapacityHours.P10, m.CapacityHours.P50, m.CapacityHours.P90,
                 m.Utilisation.P50, m.BacklogHours.P50, o.CoverageProbability])).ToList();
        return new Sheets([new Sheet(L.T("Prognos", "Forecast"),
            [L.T("Kontor", "Office"), L.T("Månad", "Month"), L.T("Efterfrågan p10", "Demand p10"), L.T("Efterfrågan p50", "Demand p50"), L.T("Efterfrågan p90", "Demand p90"),
             L.T("Kapacitet p10", "Capacity p10"), L.T("Kapacitet p50", "Capacity p50"), L.T("Kapacitet p90", "Capacity p90"), L.T("Nyttjande p50", "Utilisation p50"),
             L.T("Eftersläp p50", "Backlog p50"), L.T("Sannolikhet att täcka", "Probability of covering")], rows)]);
    }

    public static Sheets Dialogues(IEnumerable<Dialogue> dialogues, World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new Sheets([new Sheet(L.T("Dialoger", "Dialogues"),
            [L.T("Dialog", "Dialogue"), L.T("Datum", "Date"), L.T("Start", "Start"), L.T("Slut", "End"), L.T("Organisationsnummer", "Organisation number"), L.T("Huvudman", "Huvudman"),
             L.T("Kontor", "Office"), L.T("Form", "Mode"), L.T("Rådgivare", "Advisors"), L.T("Status", "Status"), L.T("Analysunderlag senast", "Analysis document due")],
            dialogues.Select(d => (IReadOnlyList<object?>)
                [d.DialogueId, d.Slot.Date, d.Slot.LocalStart, d.Slot.LocalEnd, d.HuvudmanId, d.HuvudmanName, world.OfficeName(d.Slot.OfficeId), L.Mode(d.Slot.Mode),
                 string.Join(", ", d.Slot.AdvisorIds), L.Status(d.Status), d.Slot.PreparationDeadline]).ToList())]);
    }
}
