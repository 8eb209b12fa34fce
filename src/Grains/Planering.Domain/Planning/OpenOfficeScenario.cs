using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Planning;

/// <summary>The plan before and after opening an office, and what moves between them.</summary>
/// <param name="Before">The live plan as it stands: the live assignment evaluated, not re-solved.</param>
/// <param name="After">The re-solved plan with the new office under the scenario's assumptions.</param>
/// <param name="Offices">The offices of the after plan: the live ones (restaffed when the scenario says so) and the new one.</param>
public sealed record ScenarioOutcome(
    PlanReport Before,
    PlanReport After,
    AssignmentSolution AfterSolution,
    ScenarioComparison Comparison,
    IReadOnlyList<PlanningOffice> Offices);

/// <summary>
/// A what-if of opening one office, composed from the plan's own parts: the live world's problem and evaluation for
/// "before", the same huvudmän with the new office (and, if the scenario assumes them, its own parameters and a staff
/// per office) re-solved from the live assignment for "after", and the comparison of the two. Plain computation: the
/// caller reads the world and stores the result.
/// </summary>
public static class OpenOfficeScenario
{
    /// <summary>The planning year: the current one, or the year the new office opens when that is later.</summary>
    public static int Year(DateOnly today, DateOnly? opening) => Math.Max(today.Year, opening?.Year ?? 0);

    /// <summary>
    /// The offices of the after plan: every live office, each given <paramref name="advisorsPerOffice"/> full-time
    /// advisors instead of its own staff when that is above 0, then the new office with its own staff.
    /// </summary>
    public static IReadOnlyList<PlanningOffice> Offices(IReadOnlyList<PlanningOffice> live, PlanningOffice added, int advisorsPerOffice)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(added);
        var restaffed = advisorsPerOffice > 0
            ? live.Select(o => o with { Advisors = Staffing.FullTime(o.OfficeId, advisorsPerOffice) })
            : live;
        return [.. restaffed, added];
    }

    /// <param name="live">The world under the live parameters: "before" is judged here.</param>
    /// <param name="assumed">The world under the scenario's parameters (the live one when it assumes none): "after" is judged here.</param>
    /// <param name="assignment">The live assignment huvudman → office.</param>
    public static ScenarioOutcome Run(
        PlanningWorld live,
        PlanningWorld assumed,
        IReadOnlyList<PlanningHuvudman> huvudman,
        IReadOnlyList<PlanningOffice> offices,
        IReadOnlyDictionary<string, string> assignment,
        PlanningOffice added,
        int advisorsPerOffice,
        int year,
        IReadOnlyList<Lan> lan)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(assumed);
        var beforeProblem = live.Problem(huvudman, offices, year, assignment);
        var before = beforeProblem.Evaluate(PlanningWorld.Complete(beforeProblem, huvudman, assignment));

        // After starts from before's assignment, so a huvudman moves only where the new office (or the assumptions) gain
        // more than the move penalty.
        var withNew = Offices(offices, added, advisorsPerOffice);
        var afterProblem = assumed.Problem(huvudman, withNew, year, before.OfficeByHuvudman);
        var after = LoadBalancer.Solve(afterProblem);
        return new ScenarioOutcome(
            live.Report(beforeProblem, before, huvudman, offices, year),
            assumed.Report(afterProblem, after, huvudman, withNew, year),
            after,
            assumed.Compare(before, after, huvudman, lan),
            withNew);
    }
}
