using Planering.Domain.Geography;
using Planering.Domain.Planning;
using Planering.Domain.World;

namespace Planering.Domain.Siting;

/// <summary>One office of a wave: what it adds given the offices opened before it in the wave.</summary>
/// <param name="TravelKmSavedPerYear">Saved against the plan with the earlier offices of the wave already open.</param>
/// <param name="SingleSiteTravelKmSavedPerYear">What the site would save opened alone (the single-site ranking's answer).</param>
public sealed record WaveSite(
    string Kommunkod,
    SiteJudgement Judgement,
    double TravelKmSavedPerYear,
    double TravelHoursSavedPerYear,
    double MonthsToCoverAfter,
    int HuvudmanReassigned,
    double SingleSiteTravelKmSavedPerYear);

/// <summary>A wave of new offices evaluated together: the sites in the order chosen, and the combined effect.</summary>
/// <param name="TravelKmSavedPerYear">The live plan against one full re-solve with every office of the wave open.</param>
/// <param name="SingleSiteTravelKmSavedSum">The sites' single-site answers added up: what the wave is not.</param>
public sealed record WaveResult(
    IReadOnlyList<WaveSite> Sites,
    double TravelKmSavedPerYear,
    double TravelHoursSavedPerYear,
    double MonthsToCoverBefore,
    double MonthsToCoverAfter,
    int HuvudmanReassigned,
    double SingleSiteTravelKmSavedSum);

/// <summary>
/// The next <c>n</c> offices at once, by greedy selection with re-evaluation: each step screens every kommun that meets
/// the siting rules against the plan with the wave's earlier offices already open (so the spread rule and the travel
/// saved both see them), re-solves the <see cref="LeadersPerStep"/> best in full, and opens the one that saves the most
/// travel. Offices the planner insists on open first. The combined figures come from one full re-solve of the live plan
/// with every office of the wave open, not from adding up single-site answers (which counts the same huvudmän twice
/// when two sites draw on one region). Greedy is not optimal in general: a pair that is best together but neither best
/// alone can be missed; the leaders' full re-solve at each step limits that to sites the screening misjudges.
/// </summary>
public static class SiteWave
{
    public const int MaxSites = 6;
    public const int LeadersPerStep = 8;

    /// <param name="live">The live assignment, complete for every huvudman of <paramref name="huvudman"/>.</param>
    /// <param name="site">Builds the new office at a kommun's seat.</param>
    public static WaveResult Plan(
        PlanningWorld world,
        IReadOnlyList<PlanningHuvudman> huvudman,
        IReadOnlyList<PlanningOffice> offices,
        int year,
        IReadOnlyDictionary<string, string> live,
        SitingRules rules,
        int count,
        Func<Kommun, PlanningOffice> site,
        SwedishGeography geography,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxSites);

        var liveProblem = world.Problem(huvudman, offices, year, live);
        var liveSolution = liveProblem.Evaluate(live);
        var liveReport = world.Report(liveProblem, liveSolution, huvudman, offices);

        var open = offices.ToList();
        var assignment = (IReadOnlyDictionary<string, string>)liveSolution.OfficeByHuvudman;
        var report = liveReport;
        var picks = new List<WaveSite>(count);
        for (var step = 0; step < count; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = open.Select(o => (o.OfficeId, o.Position)).ToList();
            var taken = open.Select(o => o.Kommunkod).ToHashSet(StringComparer.Ordinal);
            var judged = geography.Kommuner
                .Where(k => !taken.Contains(k.Kommunkod))
                .Select(k => (Kommun: k, Judgement: SiteJudge.Judge(k, positions, rules, geography)))
                .Where(x => x.Judgement.Eligible)
                .ToList();
            var insisted = judged.Where(x => rules.Insisted.Contains(x.Kommun.Kommunkod)).ToList();
            var candidates = insisted.Count > 0 ? insisted : judged;
            if (candidates.Count == 0)
            {
                break;
            }

            var baseAssignment = assignment;
            var baseReport = report;
            var screened = candidates.AsParallel().WithDegreeOfParallelism(2).WithCancellation(cancellationToken).Select(c =>
            {
                var office = site(c.Kommun);
                var problem = world.Problem(huvudman, [.. open, office], year, baseAssignment);
                var solution = problem.Evaluate(SiteScreening.Open(problem, baseAssignment, office.OfficeId));
                var saved = baseReport.TravelKmPerYear - world.Report(problem, solution, huvudman, [.. open, office]).TravelKmPerYear;
                return (c.Kommun, c.Judgement, Office: office, Saved: saved);
            }).ToList();

            var best = SiteOrdering.ByTravelSaved(screened, s => Key(s.Kommun.Kommunkod, s.Judgement, rules, s.Saved, 0))
                .Take(LeadersPerStep).ToList()
                .AsParallel().WithDegreeOfParallelism(2).WithCancellation(cancellationToken).Select(s =>
                {
                    var withSite = (IReadOnlyList<PlanningOffice>)[.. open, s.Office];
                    var problem = world.Problem(huvudman, withSite, year, baseAssignment);
                    var solution = LoadBalancer.Solve(problem);
                    return (s.Kommun, s.Judgement, s.Office, Solution: solution, Report: world.Report(problem, solution, huvudman, withSite));
                })
                .ToList()
                .OrderByDescending(s => rules.PreferSpsm && s.Judgement.SpsmSite)
                .ThenByDescending(s => baseReport.TravelKmPerYear - s.Report.TravelKmPerYear)
                .ThenBy(s => s.Kommun.Kommunkod, StringComparer.Ordinal)
                .First();

            var single = step == 0 ? baseReport.TravelKmPerYear - best.Report.TravelKmPerYear : SingleSiteSaving(world, huvudman, offices, year, live, liveReport, best.Office);
            picks.Add(new WaveSite(best.Kommun.Kommunkod, best.Judgement, baseReport.TravelKmPerYear - best.Report.TravelKmPerYear,
                baseReport.TravelHoursPerYear - best.Report.TravelHoursPerYear, best.Report.MonthsToCover, best.Solution.MovedCount, single));
            open.Add(best.Office);
            assignment = best.Solution.OfficeByHuvudman;
            report = best.Report;
        }

        // The combined effect: one re-solve from the live plan with the whole wave open.
        var allProblem = world.Problem(huvudman, open, year, live);
        var all = LoadBalancer.Solve(allProblem);
        var allReport = world.Report(allProblem, all, huvudman, open);
        return new WaveResult(picks, liveReport.TravelKmPerYear - allReport.TravelKmPerYear, liveReport.TravelHoursPerYear - allReport.TravelHoursPerYear,
            liveReport.MonthsToCover, allReport.MonthsToCover, all.MovedCount, picks.Sum(p => p.SingleSiteTravelKmSavedPerYear));
    }

    /// <summary>
    /// The ranking key of a site under the rules: preferred when it is at an SPSM site while SPSM is preferred, and
    /// eligible (an existing office's kommun is an SPSM site too, but never a new one).
    /// </summary>
    public static SiteRankKey Key(string kommunkod, SiteJudgement judgement, SitingRules rules, double travelKmSaved, double monthsToCover) =>
        new(kommunkod, rules.PreferSpsm && judgement.SpsmSite && judgement.Eligible, travelKmSaved, monthsToCover);

    private static double SingleSiteSaving(
        PlanningWorld world, IReadOnlyList<PlanningHuvudman> huvudman, IReadOnlyList<PlanningOffice> offices, int year,
        IReadOnlyDictionary<string, string> live, PlanReport liveReport, PlanningOffice office)
    {
        var withSite = (IReadOnlyList<PlanningOffice>)[.. offices, office];
        var problem = world.Problem(huvudman, withSite, year, live);
        return liveReport.TravelKmPerYear - world.Report(problem, LoadBalancer.Solve(problem), huvudman, withSite).TravelKmPerYear;
    }
}
