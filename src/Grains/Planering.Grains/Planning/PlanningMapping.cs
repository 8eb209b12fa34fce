using Planering.Domain.Calendar;
using Planering.Domain.Planning;
using Planering.Domain.Parameters;
using Planering.Domain.World;
using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

/// <summary>Conversions between the planning domain and the records that cross grain calls.</summary>
internal static class PlanningMapping
{
    /// <summary>The planning world under one set of planning parameters, with the school calendar in force.</summary>
    public static PlanningWorld World(PlanningParameters parameters, SchoolHolidayCalendar school) =>
        new(parameters, school);

    public static PlanningOffice ToPlanning(this OfficeRecord o) =>
        new(o.OfficeId, o.Kommunkod, o.Position.ToDomain(), o.Advisors.Select(a => a.ToDomain()).ToList());

    public static PlanningHuvudman ToPlanning(this HuvudmanRecord h) =>
        new(h.OrganisationNumber, h.Name, h.Kommunkod, h.Lanskod, h.Position.ToDomain(), h.Pupils);

    public static PlanRecord ToRecord(this PlanReport r, DateTimeOffset at, long parametersVersion) =>
        new(r.Offices.Select(o => new OfficePlanRecord(o.OfficeId, o.HuvudmanCount, o.DemandHours, o.CapacityHours, o.Utilisation,
                o.TravelKmPerYear, o.TravelHoursPerYear, o.MonthsToCover, o.DialoguesPerYear, o.DialogueCapacityPerYear, o.HoursUtilisation,
                o.DialogueUtilisation, o.Binding, o.Status, o.NightsAwayPerYear, o.NoCapacityReason)).ToList(),
            r.DemandHours, r.CapacityHours, r.NationalUtilisation, r.TravelKmPerYear, r.TravelHoursPerYear, r.MonthsToCover,
            r.Feasible, r.OverloadHours, r.Moved, at, r.DialoguesPerYear, r.DialogueCapacityPerYear, r.HoursUtilisation,
            r.DialogueUtilisation, r.Binding, r.Status, parametersVersion, r.NightsAwayPerYear);

    public static ReassignmentRecord ToRecord(this Reassignment r, bool organisationNumberSynthetic) =>
        new(r.HuvudmanId, r.Name, r.Kommunkod, r.FromOfficeId, r.ToOfficeId, r.RoadKmBefore, r.RoadKmAfter, organisationNumberSynthetic);

    public static LanEffectRecord ToRecord(this LanEffect e) =>
        new(e.Lanskod, e.Lan, e.HuvudmanReassigned, e.TravelKmPerYearBefore, e.TravelKmPerYearAfter);

    /// <summary>The live assignment completed for a problem (<see cref="PlanningWorld.Complete"/>: one rule for the plan, the what-if and the ranking).</summary>
    public static Dictionary<string, string> Complete(AssignmentProblem problem, IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyDictionary<string, string> live) =>
        PlanningWorld.Complete(problem, huvudman, live);
}
