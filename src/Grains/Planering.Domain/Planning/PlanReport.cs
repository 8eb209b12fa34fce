namespace Planering.Domain.Planning;

/// <summary>One office's line of a plan.</summary>
public sealed record OfficePlanLine(
    string OfficeId,
    int HuvudmanCount,
    double DemandHours,
    double CapacityHours,
    double Utilisation,
    double TravelKmPerYear,
    double TravelHoursPerYear,
    double MonthsToCover,
    double NightsAwayPerYear = 0);

/// <summary>A plan's figures: per office and in total (see <see cref="PlanningWorld"/> for how each is measured).</summary>
public sealed record PlanReport(
    IReadOnlyList<OfficePlanLine> Offices,
    double DemandHours,
    double CapacityHours,
    double NationalUtilisation,
    double TravelKmPerYear,
    double TravelHoursPerYear,
    double MonthsToCover,
    bool Feasible,
    double OverloadHours,
    int Moved,
    double NightsAwayPerYear = 0);

/// <summary>A huvudman that a scenario moves to another office.</summary>
public sealed record Reassignment(string HuvudmanId, string Name, string Kommunkod, string FromOfficeId, string ToOfficeId, double RoadKmBefore, double RoadKmAfter);

/// <summary>A scenario's effect on one län.</summary>
public sealed record LanEffect(string Lanskod, string Lan, int HuvudmanReassigned, double TravelKmPerYearBefore, double TravelKmPerYearAfter);

/// <summary>What a scenario changes: the huvudmän it moves and the travel per län.</summary>
public sealed record ScenarioComparison(IReadOnlyList<Reassignment> Reassigned, IReadOnlyList<LanEffect> LanEffects);
