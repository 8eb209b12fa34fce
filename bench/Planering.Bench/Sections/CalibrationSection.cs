using System.Diagnostics;
using System.Globalization;
using System.Text;
using Planering.Bench.Reporting;
using Planering.Domain.Calendar;
using Planering.Domain.Calibration;
using Planering.Domain.Parameters;
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

        // The live plan a fresh installation shows with the same defaults: all six offices at full staff, a 36-month cycle.
        var problem = Planning.PlanningScenarios.National(Planning.PlanningScenarios.SeededOffices);
        var plan = Planning.PlanningScenarios.World.Report(problem, Planering.Domain.Planning.LoadBalancer.Solve(problem),
            Planning.PlanningScenarios.SeededHuvudman, Planning.PlanningScenarios.SeededOffices, Planning.PlanningScenarios.Year);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            ### The default plan with the calibrated defaults

            The seeded world (the estimated huvudmän in scope, school and preschool huvudmän, docs/calibration.md:
            {Figures.Count(Planning.PlanningScenarios.SeededHuvudman.Count)} huvudmän; six offices with {Planning.PlanningScenarios.SeededOffices.Sum(o => o.Advisors.Count)} advisors, a
            36-month cycle) planned for {Planning.PlanningScenarios.Year}: **national utilisation {plan.NationalUtilisation:P0}** ({plan.Binding} bind;
            hours {plan.HoursUtilisation:P0}, dialogue slots {plan.DialogueUtilisation:P0}): {plan.DialoguesPerYear:N0} dialogues due a
            year against {plan.DialogueCapacityPerYear:N0} slots; {plan.TravelKmPerYear:N0} km, {plan.TravelHoursPerYear:N0} advisor hours of travel and
            {plan.NightsAwayPerYear:N0} nights away a year.

            | office | huvudmän | utilisation | binds | dialogues due/yr | slots/yr | nights away/yr |
            |---|---:|---:|---|---:|---:|---:|
            """);
        foreach (var line in plan.Offices.OrderBy(l => l.OfficeId, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {line.OfficeId} | {Figures.Count(line.HuvudmanCount)} | {line.Utilisation:P0} | {line.Binding} | {line.DialoguesPerYear:N0} | {line.DialogueCapacityPerYear:N0} | {line.NightsAwayPerYear:N0} |");
        }

        return text.ToString();
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
