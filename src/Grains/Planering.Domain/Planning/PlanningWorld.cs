using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Planning;

/// <summary>An office as planning sees it: where it is and who works there.</summary>
public sealed record PlanningOffice(string OfficeId, string Kommunkod, GeoPosition Position, IReadOnlyList<Advisor> Advisors);

/// <summary>A huvudman as planning sees it.</summary>
public sealed record PlanningHuvudman(string Id, string Name, string Kommunkod, string Lanskod, GeoPosition Position, int Pupils);

/// <summary>
/// Turns the registry into the assignment problem with the one workload and capacity model, and measures an
/// assignment the way planners ask about it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Demand d_i: the huvudman's yearly advisor hours for dialogue and preparation (its size, one dialogue per
/// cycle). Travel is not in d_i: it depends on the office and is the objective's travel term instead.</item>
/// <item>Travel weight w_i: road kilometres driven per year per road kilometre of distance = on-site dialogues per year
/// (the on-site share of one per cycle) × advisors per dialogue × 2 (there and back).</item>
/// <item>Capacity C_j: the capacity model's dialogue hours of the office's advisors over the planning year. An office
/// without advisors has no capacity and takes no huvudmän.</item>
/// <item>Travel km, hours and nights away per year: each huvudman's trip from its office as the slot search books it
/// (<see cref="WorkloadModel.Trip"/>: by road or ferry, a night away when the round trip does not fit the working day),
/// for every advisor, times its on-site dialogues per year.</item>
/// <item>Months to cover: an office's hours for one round of dialogues with all its huvudmän (travel included) over its
/// monthly capacity; nationally, the slowest office.</item>
/// </list>
/// </remarks>
public sealed class PlanningWorld(WorkloadModel workload, CapacityModel capacity, AssignmentParameters? parameters = null)
{
    public AssignmentParameters Parameters { get; } = parameters ?? AssignmentParameters.Default;

    /// <summary>Road km per year per road km of distance to a huvudman (see the remarks).</summary>
    public double TravelWeight =>
        (1 - workload.Options.DigitalShare) * 12.0 / workload.Options.CycleMonths * workload.Options.AdvisorsPerDialogue * 2;

    public AssignmentProblem Problem(
        IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyList<PlanningOffice> offices, int year, IReadOnlyDictionary<string, string>? previous)
    {
        var demands = huvudman.Select(h => new HuvudmanDemand(h.Id, h.Position, workload.DemandHoursPerYear(h.Pupils, 0), TravelWeight));
        var capacities = offices
            .Select(o => new OfficeCapacity(o.OfficeId, o.Position, capacity.Hours(o.Advisors, o.Kommunkod, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1))))
            .Where(o => o.CapacityHours > 0);
        return AssignmentProblem.Create(demands, capacities, Parameters, previous);
    }

    /// <summary>The plan's figures for an assignment of the problem's huvudmän.</summary>
    public PlanReport Report(AssignmentProblem problem, AssignmentSolution solution, IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyList<PlanningOffice> offices)
    {
        var byId = huvudman.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var officeById = offices.ToDictionary(o => o.OfficeId, StringComparer.Ordinal);
        var perYear = 12.0 / workload.Options.CycleMonths;
        var lines = solution.Offices.Select(load =>
        {
            var office = officeById[load.OfficeId].Position;
            var (km, hours, nights, roundHours) = (0.0, 0.0, 0.0, 0.0);
            foreach (var a in solution.Assignments.Where(a => a.OfficeId == load.OfficeId))
            {
                // Travel as the slot search books it: by road or ferry, with the nights a far huvudman takes.
                var h = byId[a.HuvudmanId];
                var trip = workload.Trip(office, h.Position, h.Kommunkod, h.Pupils);
                var travel = workload.ExpectedTravelPerDialogue(trip);
                km += travel.AdvisorRoadKm * perYear;
                hours += travel.AdvisorTravelHours * perYear;
                nights += travel.AdvisorNights * perYear;
                roundHours += workload.ExpectedAdvisorHoursPerDialogue(h.Pupils, trip);
            }

            return new OfficePlanLine(load.OfficeId, load.HuvudmanCount, load.LoadHours, load.CapacityHours, load.Utilisation,
                km, hours, roundHours / (load.CapacityHours / 12), nights);
        }).ToList();

        var demand = lines.Sum(l => l.DemandHours);
        var capacityHours = lines.Sum(l => l.CapacityHours);
        return new PlanReport(lines, demand, capacityHours, capacityHours > 0 ? demand / capacityHours : 0,
            lines.Sum(l => l.TravelKmPerYear), lines.Sum(l => l.TravelHoursPerYear), lines.Count == 0 ? 0 : lines.Max(l => l.MonthsToCover),
            solution.IsFeasible, solution.Cost.OverloadHours, solution.MovedCount, lines.Sum(l => l.NightsAwayPerYear));
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
                before.Assignments.Where(a => ids.Contains(a.HuvudmanId)).Sum(a => a.RoadKm * TravelWeight),
                after.Assignments.Where(a => ids.Contains(a.HuvudmanId)).Sum(a => a.RoadKm * TravelWeight));
        }).Where(e => e.TravelKmPerYearBefore > 0 || e.TravelKmPerYearAfter > 0).ToList();
        return new ScenarioComparison(moved, lanEffects);
    }
}
