using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Planning;

/// <summary>An office as planning sees it: where it is and who works there.</summary>
public sealed record PlanningOffice(string OfficeId, string Kommunkod, GeoPosition Position, IReadOnlyList<Advisor> Advisors);

/// <summary>A huvudman as planning sees it.</summary>
public sealed record PlanningHuvudman(string Id, string Name, string Kommunkod, string Lanskod, GeoPosition Position, int Pupils);

/// <summary>
/// Turns the registry into the assignment problem with the one set of planning parameters, and measures an assignment
/// the way planners ask about it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Demand d_i: the huvudman's yearly advisor hours for every step of its dialogue (introduction share, preparation,
/// dialogue, feedback meeting, SPSM coordination, and travel), one dialogue per its cycle. For the solver the travel is
/// counted from the nearest office (d_i cannot depend on the office); the plan's figures count it from the assigned
/// office, exactly as the forecast does.</item>
/// <item>Travel weight w_i: road kilometres driven per year per road kilometre of distance = on-site dialogues per year
/// (the on-site share of one per cycle) × advisors per dialogue × 2 (there and back).</item>
/// <item>Capacity: hours (the capacity model's dialogue hours over the planning year) and dialogues (the slots the
/// daily and weekly limits, bookable days and free advisor pairs allow). The solver gets the tighter of the two in
/// hours: C_j = min(hours, dialogues × the mean hours of a dialogue). An office without capacity takes no huvudmän.</item>
/// <item>Utilisation: the higher of hours (demand ÷ capacity hours) and dialogues (dialogues due ÷ dialogue
/// capacity); the plan names which binds.</item>
/// <item>Travel km, hours and nights away per year: each huvudman's trip from its office as the slot search books it
/// (<see cref="WorkloadModel.Trip"/>: by road or ferry, a night away when the round trip does not fit the working day),
/// for every advisor, times its on-site dialogues per year; the hours per dialogue count the same trip.</item>
/// <item>Months to cover: an office's hours (or dialogues, whichever is slower) for one round of dialogues with all its
/// huvudmän over its monthly capacity; nationally, the slowest office.</item>
/// </list>
/// </remarks>
public sealed class PlanningWorld
{
    private readonly PlanningParameters _parameters;
    private readonly SchoolHolidayCalendar _school;
    private readonly WorkloadModel _workload;

    // A ranking asks for the same huvudmän's demand once per candidate site, and a site changes the nearest office of
    // only a few of them: the demand depends on pupils, distance and cycle alone, so it is kept.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Pupils, double Km, int Cycle), double> _demand = new();

    // …and reports every candidate: a huvudman's trip from an office is planned once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string OfficeId, GeoPosition Office, string Id, GeoPosition At, string Kommunkod, int Pupils),
        ((double AdvisorNights, double AdvisorTravelHours, double AdvisorRoadKm) Travel, double Hours)> _perDialogue = new();

    // A ranking asks for the same offices' capacity once per candidate site: it is worked out day by day, so it is kept.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string OfficeId, string Kommunkod, IReadOnlyList<Advisor> Advisors, int Year), (double Hours, int Dialogues)> _capacity = new();

    public PlanningWorld(PlanningParameters parameters, SchoolHolidayCalendar schoolHolidays, AssignmentParameters? assignment = null)
    {
        parameters.Validate();
        _parameters = parameters;
        _school = schoolHolidays;
        _workload = new WorkloadModel(parameters.Workload);
        Parameters = (assignment ?? AssignmentParameters.Default) with { RoadFactor = parameters.Workload.RoadFactor };
    }

    public AssignmentParameters Parameters { get; }

    public PlanningParameters Planning => _parameters;

    /// <summary>Road km per year per road km of distance to a huvudman on the set's cycle (see the remarks).</summary>
    public double TravelWeight => TravelWeightFor(_parameters.Workload.CycleMonths);

    private double TravelWeightFor(int cycleMonths) =>
        (1 - _workload.Options.DigitalShare) * 12.0 / cycleMonths * _workload.Options.AdvisorsPerDialogue * 2;

    /// <summary>
    /// The assignment problem of these huvudmän and offices: the one way the live plan, the what-if and the site ranking
    /// build it. An office that cannot hold a dialogue (no bookable hours, or no dialogue slots: fewer advisors on duty
    /// than <see cref="WorkloadOptions.AdvisorsPerDialogue"/>) is left out, so it takes no huvudmän;
    /// <see cref="Excluded"/> says which and why, and <see cref="Report"/> lists them with that reason.
    /// </summary>
    /// <remarks>
    /// The solver has one measure of load. It works in the measure that binds nationally: when the dialogue slots run
    /// out before the hours (as with the shipped defaults), each huvudman loads its office with its dialogues a year ×
    /// the mean hours of a dialogue and an office holds its slots × that mean, so no office is planned past its slots;
    /// otherwise with its hours, and an office holds min(hours, slots × the mean).
    /// </remarks>
    public AssignmentProblem Problem(
        IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyList<PlanningOffice> offices, int year, IReadOnlyDictionary<string, string>? previous)
    {
        var capacities = Capacities(offices, year);
        var open = capacities.Where(c => CanHoldDialogues(c)).ToList();
        var hours = huvudman.Select(h =>
        {
            var nearestKm = open.Count == 0 ? 0 : open.Min(o => h.Position.DistanceKmTo(o.Office.Position));
            var key = (h.Pupils, Math.Min(nearestKm, WorkloadModel.MaxDistanceKm), _parameters.CycleMonthsFor(h.Id));
            return _demand.GetOrAdd(key, k => _workload.DemandHoursPerYear(k.Pupils, k.Km, cycleMonths: k.Cycle));
        }).ToList();

        var dialoguesPerYear = huvudman.Sum(h => 12.0 / _parameters.CycleMonthsFor(h.Id));
        var meanHours = dialoguesPerYear > 0 ? hours.Sum() / dialoguesPerYear : 0;
        var slotsBind = meanHours > 0 && open.Sum(c => c.Dialogues * meanHours) < open.Sum(c => c.Hours);
        var demands = huvudman.Select((h, i) =>
        {
            var cycle = _parameters.CycleMonthsFor(h.Id);
            var load = slotsBind ? 12.0 / cycle * meanHours : hours[i];
            return new HuvudmanDemand(h.Id, h.Position, load, TravelWeightFor(cycle));
        }).ToList();
        var solverCapacities = open.Select(c => new OfficeCapacity(c.Office.OfficeId, c.Office.Position,
            meanHours > 0 ? Math.Min(c.Hours, c.Dialogues * meanHours) : c.Hours));
        return AssignmentProblem.Create(demands, solverCapacities, Parameters, previous);
    }

    /// <summary>The offices <see cref="Problem"/> leaves out because they cannot hold a dialogue, each with the reason (in Swedish, for planners).</summary>
    public IReadOnlyList<(string OfficeId, string Reason)> Excluded(IReadOnlyList<PlanningOffice> offices, int year) =>
        Capacities(offices, year).Where(c => !CanHoldDialogues(c)).Select(c => (c.Office.OfficeId, ExclusionReason(c))).ToList();

    /// <summary>
    /// The live assignment completed for a problem: a huvudman keeps its office if the problem has it, otherwise (new, or
    /// its office cannot hold dialogues) it is measured at its nearest office of the problem.
    /// </summary>
    public static Dictionary<string, string> Complete(AssignmentProblem problem, IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyDictionary<string, string> live)
    {
        var offices = problem.Offices.Select(o => (o.OfficeId, o.Position)).ToList();
        var known = offices.Select(o => o.OfficeId).ToHashSet(StringComparer.Ordinal);
        return huvudman.ToDictionary(
            h => h.Id,
            h => live.TryGetValue(h.Id, out var office) && known.Contains(office) ? office : NearestOfficeAssignment.Nearest(h.Position, offices)!,
            StringComparer.Ordinal);
    }

    private static bool CanHoldDialogues((PlanningOffice Office, double Hours, int Dialogues) c) => c.Hours > 0 && c.Dialogues > 0;

    private string ExclusionReason((PlanningOffice Office, double Hours, int Dialogues) c)
    {
        var team = _workload.Options.AdvisorsPerDialogue;
        if (c.Office.Advisors.Count < team)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"kan inte hålla dialoger: {c.Office.Advisors.Count} rådgivare, en dialog kräver {team} (advisors_per_dialogue)");
        }

        return c.Hours <= 0
            ? "kan inte hålla dialoger: inga bokningsbara timmar under året"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"kan inte hålla dialoger: ingen dag under året med {team} rådgivare i tjänst (advisors_per_dialogue)");
    }

    /// <summary>The plan's figures for an assignment of the problem's huvudmän.</summary>
    public PlanReport Report(AssignmentProblem problem, AssignmentSolution solution, IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyList<PlanningOffice> offices, int year)
    {
        var byId = huvudman.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var capacities = Capacities(offices, year).ToDictionary(c => c.Office.OfficeId, StringComparer.Ordinal);
        var lines = solution.Offices.Select(load =>
        {
            var mine = solution.Assignments.Where(a => a.OfficeId == load.OfficeId).ToList();
            var capacity = capacities[load.OfficeId];
            var office = capacity.Office.Position;
            var (km, hours, nights, demandHours, roundHours, dialogues) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            foreach (var a in mine)
            {
                // Travel as the slot search books it: by road or ferry, with the nights a far huvudman takes.
                var h = byId[a.HuvudmanId];
                var perYear = 12.0 / _parameters.CycleMonthsFor(h.Id);
                var (travel, perDialogue) = _perDialogue.GetOrAdd((load.OfficeId, office, h.Id, h.Position, h.Kommunkod, h.Pupils), k =>
                {
                    var trip = _workload.Trip(k.Office, k.At, k.Kommunkod, k.Pupils, _parameters.HoursFor(k.OfficeId));
                    return (_workload.ExpectedTravelPerDialogue(trip), _workload.ExpectedAdvisorHoursPerDialogue(k.Pupils, trip));
                });
                km += travel.AdvisorRoadKm * perYear;
                hours += travel.AdvisorTravelHours * perYear;
                nights += travel.AdvisorNights * perYear;
                roundHours += perDialogue;
                demandHours += perDialogue * perYear;
                dialogues += perYear;
            }

            return OfficePlanLine.Measure(load.OfficeId, load.HuvudmanCount, demandHours, capacity.Hours, km, hours,
                roundHours, dialogues, capacity.Dialogues) with { NightsAwayPerYear = nights };
        }).ToList();

        // The offices the problem left out take no huvudmän; they are listed so the plan says why.
        var excluded = capacities.Values.Where(c => !CanHoldDialogues(c)).OrderBy(c => c.Office.OfficeId, StringComparer.Ordinal)
            .Select(c => OfficePlanLine.Measure(c.Office.OfficeId, 0, 0, c.Hours, 0, 0, 0, 0, c.Dialogues) with
            {
                Status = LoadStatus.NoCapacity,
                NoCapacityReason = ExclusionReason(c),
            })
            .ToList();

        var demand = lines.Sum(l => l.DemandHours);
        var capacityHours = lines.Sum(l => l.CapacityHours);
        var dialoguesDue = lines.Sum(l => l.DialoguesPerYear);
        var dialogueCapacity = lines.Sum(l => l.DialogueCapacityPerYear);
        var (utilisation, binding, status) = OfficePlanLine.Judge(demand, capacityHours, dialoguesDue, dialogueCapacity);
        return new PlanReport([.. lines, .. excluded], demand, capacityHours, utilisation,
            lines.Sum(l => l.TravelKmPerYear), lines.Sum(l => l.TravelHoursPerYear), lines.Count == 0 ? 0 : lines.Max(l => l.MonthsToCover),
            solution.IsFeasible, solution.Cost.OverloadHours, solution.MovedCount)
        {
            DialoguesPerYear = dialoguesDue,
            DialogueCapacityPerYear = dialogueCapacity,
            HoursUtilisation = capacityHours > 0 ? demand / capacityHours : 0,
            DialogueUtilisation = dialogueCapacity > 0 ? dialoguesDue / dialogueCapacity : 0,
            Binding = binding,
            Status = status,
            NightsAwayPerYear = lines.Sum(l => l.NightsAwayPerYear),
        };
    }

    /// <summary>What changes between two plans: who moves, and the travel per län.</summary>
    public ScenarioComparison Compare(AssignmentSolution before, AssignmentSolution after, IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyList<Lan> lan)
    {
        var beforeById = before.Assignments.ToDictionary(a => a.HuvudmanId, StringComparer.Ordinal);
        var byId = huvudman.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var moved = after.Assignments
            .Where(a => beforeById.TryGetValue(a.HuvudmanId, out var b) && b.OfficeId != a.OfficeId)
            .Select(a => new Reassignment(a.HuvudmanId, byId[a.HuvudmanId].Name, byId[a.HuvudmanId].Kommunkod, beforeById[a.HuvudmanId].OfficeId, a.OfficeId,
                beforeById[a.HuvudmanId].RoadKm, a.RoadKm))
            .OrderBy(r => r.Kommunkod, StringComparer.Ordinal).ThenBy(r => r.HuvudmanId, StringComparer.Ordinal)
            .ToList();
        var lanEffects = lan.Select(l =>
        {
            var ids = huvudman.Where(h => h.Lanskod == l.Lanskod).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            return new LanEffect(l.Lanskod, l.Name, moved.Count(m => ids.Contains(m.HuvudmanId)),
                before.Assignments.Where(a => ids.Contains(a.HuvudmanId)).Sum(a => a.RoadKm * TravelWeightFor(_parameters.CycleMonthsFor(a.HuvudmanId))),
                after.Assignments.Where(a => ids.Contains(a.HuvudmanId)).Sum(a => a.RoadKm * TravelWeightFor(_parameters.CycleMonthsFor(a.HuvudmanId))));
        }).Where(e => e.TravelKmPerYearBefore > 0 || e.TravelKmPerYearAfter > 0).ToList();
        return new ScenarioComparison(moved, lanEffects);
    }

    private List<(PlanningOffice Office, double Hours, int Dialogues)> Capacities(IReadOnlyList<PlanningOffice> offices, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year + 1, 1, 1);
        return offices.Select(o =>
        {
            var (hours, dialogues) = _capacity.GetOrAdd((o.OfficeId, o.Kommunkod, o.Advisors, year), _ =>
            {
                var model = _parameters.CapacityFor(o.OfficeId, _school);
                return (model.Hours(o.Advisors, o.Kommunkod, from, to), model.Dialogues(o.Advisors, o.Kommunkod, from, to));
            });
            return (o, hours, dialogues);
        }).ToList();
    }
}
