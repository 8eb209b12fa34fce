using System.Diagnostics;
using System.Globalization;
using System.Text;
using Planering.Bench.Reporting;
using Planering.Domain.Calendar;
using Planering.Domain.Calibration;
using Planering.Domain.Parameters;
using Planering.Domain.Planning;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Bench.Sections;

/// <summary>
/// The calibration against the seeds: the first year replayed through the real slot search with the shipped defaults
/// (<see cref="FirstYearReplay"/>), beside the same replay with one assumption moved, so a reader sees which default the
/// figure rests on.
/// </summary>
public static class CalibrationSection
{
    public const string Title = "Calibration";

    public static string Run(string command, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var shipped = Replay(ReplayScenario.FirstYear, WorkloadOptions.Default);
        var elapsed = clock.Elapsed;
        log.WriteLine($"calibration: {shipped.Held} dialogues held in the first 13 months ({elapsed.TotalSeconds:F1} s)");

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            `first 13 months: {shipped.Held} dialogues held (seeds: about 600)`

            Produced by `{command}` (this section alone: `… -- calibration`). The first year replayed day by day from
            {ReplayScenario.FirstYear.Start:yyyy-MM-dd} through the real slot search with the shipped defaults (docs/calibration.md):
            Härnösand opens in September 2022, Solna and Malmö in October, Luleå in December; each office starts with three
            advisors and recruits one a month up to its seeded staff; invitations go out in batches (100 at a time in 2022, 150
            from 2023) whenever fewer than {ReplayScenario.FirstYear.MaxDialoguesAhead} dialogues are booked ahead; 8 in 10
            accept and book within two weeks at their nearest open office, half of them on site. The seeded world:
            {Figures.Count(WorldSeed.Huvudman(SwedishGeography.Sweden).Count)} huvudmän. The replay took {elapsed.TotalSeconds:F1} s.

            | measure | value |
            |---|---:|
            | invitation batches sent | {shipped.Batches.Count} |
            | huvudmän invited | {Figures.Count(shipped.Invited)} |
            | accepted | {Figures.Count(shipped.Accepted)} |
            | booked (some after the 13 months) | {Figures.Count(shipped.Booked)} |
            | accepted but no slot within a year | {Figures.Count(shipped.NotBookable)} |
            | **held in the first 13 months** | **{Figures.Count(shipped.Held)}** (band 510–690) |
            | of which on site | {Figures.Count(shipped.OnSiteHeld)} |
            | advisor nights away on those trips | {Figures.Count(shipped.NightsAway)} |

            Held per office: {string.Join(", ", shipped.HeldPerOffice.Select(o => $"{o.Key} {o.Value}"))}.
            Held per month: {string.Join(", ", shipped.HeldPerMonth.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Year}-{m.Month:D2} {m.Held}")))}.

            ### What the figure rests on: one assumption moved at a time

            | replay | held in 13 months |
            |---|---:|
            """);
        foreach (var (name, scenario, options) in Variants())
        {
            var result = Replay(scenario, options);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Figures.Count(result.Held)} |");
        }

        text.AppendLine();
        text.AppendLine("The weekly limit binds: with 7 a week the replay lands on the seeds' figure, so 7 is the shipped default.");

        // The live plan a fresh installation shows with the same defaults, built as the planning grain builds it: every
        // seeded huvudman with its type (so its take-up), placed at its nearest office as it is registered, then one
        // re-solve from that placement through the same PlanningWorld problem builder and solver.
        var offices = Planning.PlanningScenarios.SeededOffices;
        var live = FreshInstallation(offices);
        var everyone = Planning.PlanningScenarios.World.Report(Planning.PlanningScenarios.National(offices),
            Planering.Domain.Planning.LoadBalancer.Solve(Planning.PlanningScenarios.National(offices)),
            Planning.PlanningScenarios.SeededHuvudman, offices, Planning.PlanningScenarios.Year);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            ### The default plan with the calibrated defaults

            The seeded world (the estimated huvudmän in scope, school and preschool huvudmän, docs/calibration.md:
            {Figures.Count(live.Huvudman)} huvudmän; six offices with {offices.Sum(o => o.Advisors.Count)} advisors, a 36-month cycle) planned for
            {Planning.PlanningScenarios.Year} as a fresh installation's planning grain plans it: each huvudman with its type's take-up (0.90 public,
            0.81 independent: the plan counts expected dialogues, docs/invitations.md), placed at its nearest office when registered,
            then re-solved from there. **National utilisation {live.Report.NationalUtilisation:P0}** ({live.Report.Binding} bind; hours
            {live.Report.HoursUtilisation:P0}, dialogue slots {live.Report.DialogueUtilisation:P0}): {live.Report.DialoguesPerYear:N0} expected dialogues
            a year against {live.Report.DialogueCapacityPerYear:N0} slots; {live.Report.TravelKmPerYear:N0} km, {live.Report.TravelHoursPerYear:N0}
            advisor hours of travel and {live.Report.NightsAwayPerYear:N0} nights away a year; the re-solve moved {Figures.Count(live.Moved)} huvudmän.

            | office | huvudmän | utilisation | binds | dialogues expected/yr | slots/yr | nights away/yr |
            |---|---:|---:|---|---:|---:|---:|
            """);
        foreach (var line in live.Report.Offices.OrderBy(l => l.OfficeId, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {line.OfficeId} | {Figures.Count(line.HuvudmanCount)} | {line.Utilisation:P0} | {line.Binding} | {line.DialoguesPerYear:N0} | {line.DialogueCapacityPerYear:N0} | {line.NightsAwayPerYear:N0} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            For comparison, every huvudman taking part (take-up 1, solved from scratch): national utilisation
            {everyone.NationalUtilisation:P0} ({everyone.Binding} bind), {everyone.DialoguesPerYear:N0} dialogues due a year; per office
            {string.Join(", ", everyone.Offices.OrderBy(l => l.OfficeId, StringComparer.Ordinal).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.OfficeId} {l.Utilisation:P0}")))}.
            """);

        return text.ToString();
    }

    /// <summary>
    /// The plan a fresh installation shows: the seeded huvudmän as the registry lists them (with their type), each placed
    /// at its nearest office that can hold a dialogue (as <c>PlanningGrain.PlaceAsync</c> does), then one re-solve from
    /// that placement (<c>PlanningGrain.RebalanceAsync</c>) under the default planning parameters.
    /// </summary>
    public static (PlanReport Report, int Huvudman, int Moved) FreshInstallation(IReadOnlyList<PlanningOffice> offices)
    {
        var huvudman = WorldSeed.Huvudman(SwedishGeography.Sweden)
            .Select(h => new PlanningHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Lanskod, h.Position, h.Pupils) { Type = h.Type })
            .ToList();
        var world = new PlanningWorld(PlanningParameters.Default, SchoolHolidayCalendar.Create(SwedishGeography.Sweden));
        var team = PlanningParameters.Default.Workload.AdvisorsPerDialogue;
        var sites = offices.Where(o => o.Advisors.Count >= team).Select(o => (o.OfficeId, o.Position)).ToList();
        var placed = huvudman.Select(h => (h.Id, Office: NearestOfficeAssignment.Nearest(h.Position, sites)))
            .Where(p => p.Office is not null).ToDictionary(p => p.Id, p => p.Office!, StringComparer.Ordinal);
        var problem = world.Problem(huvudman, offices, Planning.PlanningScenarios.Year, placed);
        var solution = LoadBalancer.Solve(problem);
        var moved = solution.OfficeByHuvudman.Count(a => placed.TryGetValue(a.Key, out var before) && before != a.Value);
        return (world.Report(problem, solution, huvudman, offices, Planning.PlanningScenarios.Year), huvudman.Count, moved);
    }

    private static IEnumerable<(string Name, ReplayScenario Scenario, WorkloadOptions Options)> Variants()
    {
        var first = ReplayScenario.FirstYear;
        var options = WorkloadOptions.Default;
        yield return ("shipped defaults", first, options);
        yield return ("weekly limit 6", first, options with { MaxDialoguesPerWeek = 6 });
        yield return ("weekly limit 8", first, options with { MaxDialoguesPerWeek = 8 });
        yield return ("daily limit 1", first, options with { MaxDialoguesPerDay = 1 });
        yield return ("every office fully staffed from its opening", first with { Offices = [.. first.Offices.Select(o => o with { AdvisorsAtOpening = o.Advisors })] }, options);
        yield return ("at most 100 dialogues ahead before the next batch", first with { MaxDialoguesAhead = 100 }, options);
        yield return ("at most 400 dialogues ahead before the next batch", first with { MaxDialoguesAhead = 400 }, options);
        yield return ("all dialogues digital", first, options with { DigitalShare = 1 });
        yield return ("no nights away allowed", first, options with { Trips = options.Trips with { MaxNightsAwayPerAdvisorMonth = 0 } });
    }

    /// <summary>The replay with the shipped planning parameters, their workload options replaced by <paramref name="options"/>.</summary>
    public static ReplayResult Replay(ReplayScenario scenario, WorkloadOptions options) =>
        new FirstYearReplay(scenario, PlanningParameters.Default with { Workload = options }, SchoolHolidayCalendar.Create(SwedishGeography.Sweden))
            .Run(SwedishGeography.Sweden);
}
