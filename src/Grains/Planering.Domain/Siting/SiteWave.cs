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

/// <summary>The combined effect of a wave: the live plan against one full re-solve with every office of the wave open.</summary>
public sealed record WaveEffect(
    double TravelKmSavedPerYear,
    double TravelHoursSavedPerYear,
    double MonthsToCoverBefore,
    double MonthsToCoverAfter,
    int HuvudmanReassigned);

/// <summary>A wave of new offices evaluated together: the sites in the order chosen, and the combined effect.</summary>
public sealed record WaveResult(IReadOnlyList<WaveSite> Sites, WaveEffect Combined)
{
    /// <summary>The sites' single-site answers added up: what the wave is not.</summary>
    public double SingleSiteTravelKmSavedSum => Sites.Sum(s => s.SingleSiteTravelKmSavedPerYear);
}

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

    /// <summary>The whole wave in one go: <see cref="NextSite"/> until <paramref name="count"/> are open, then <see cref="Combine"/>.</summary>
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
        var picks = new List<WaveSite>(count);
        while (picks.Count < count
            && NextSite(world, huvudman, offices, year, live, rules, picks.Select(p => p.Kommunkod).ToList(), site, geography, cancellationToken) is { } next)
        {
            picks.Add(next);
        }

        return new WaveResult(picks, Combine(world, huvudman, offices, year, live, picks.Select(p => p.Kommunkod).ToList(), site, geography));
    }

    /// <summary>
    /// One step of the wave: the best next site with <paramref name="opened"/> (kommunkoder, in order) already open, or
    /// null when no kommun meets the rules any more. Bounded work (one screening of the eligible kommuner and
    /// <see cref="LeadersPerStep"/> + 2 full re-solves), so a caller can run a wave step by step.
    /// </summary>
    public static WaveSite? NextSite(
        PlanningWorld world,
        IReadOnlyList<PlanningHuvudman> huvudman,
        IReadOnlyList<PlanningOffice> offices,
        int year,
        IReadOnlyDictionary<string, string> live,
        SitingRules rules,
        IReadOnlyList<string> opened,
        Func<Kommun, PlanningOffice> site,
        SwedishGeography geography,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(opened.Count, MaxSites);
        var liveProblem = world.Problem(huvudman, offices, year, live);
        var liveReport = world.Report(liveProblem, liveProblem.Evaluate(live), huvudman, offices, year);

        // The plan with the wave's earlier sites open, re-solved from the live plan.
        var open = offices.Concat(opened.Select(k => site(geography.Kommun(k)))).ToList();
        var baseAssignment = live;
        var baseReport = liveReport;
        if (opened.Count > 0)
        {
            var problem = world.Problem(huvudman, open, year, live);
            var solution = LoadBalancer.Solve(problem);
            baseAssignment = solution.OfficeByHuvudman;
            baseReport = world.Report(problem, solution, huvudman, open, year);
        }

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
            return null;
        }

        var screened = candidates.AsParallel().WithDegreeOfParallelism(2).WithCancellation(cancellationToken).Select(c =>
        {
            var office = site(c.Kommun);
            var problem = world.Problem(huvudman, [.. open, office], year, baseAssignment);
            var solution = problem.Evaluate(SiteScreening.Open(problem, baseAssignment, office.OfficeId));
            var saved = baseReport.TravelKmPerYear - world.Report(problem, solution, huvudman, [.. open, office], year).TravelKmPerYear;
            return (c.Kommun, c.Judgement, Office: office, Saved: saved);
        }).ToList();

        var best = SiteOrdering.ByTravelSaved(screened, s => Key(s.Kommun.Kommunkod, s.Judgement, rules, s.Saved, 0))
            .Take(LeadersPerStep).ToList()
            .AsParallel().WithDegreeOfParallelism(2).WithCancellation(cancellationToken).Select(s =>
            {
                var withSite = (IReadOnlyList<PlanningOffice>)[.. open, s.Office];
                var problem = world.Problem(huvudman, withSite, year, baseAssignment);
                var solution = LoadBalancer.Solve(problem);
                var report = world.Report(problem, solution, huvudman, withSite, year);
                return (s.Kommun, s.Judgement, s.Office, Solution: solution, Report: report, Saved: baseReport.TravelKmPerYear - report.TravelKmPerYear);
            })
            .ToList();
        var pick = SiteOrdering.ByTravelSaved(best, s => Key(s.Kommun.Kommunkod, s.Judgement, rules, s.Saved, s.Report.MonthsToCover)).First();

        var single = opened.Count == 0 ? pick.Saved : SingleSiteSaving(world, huvudman, offices, year, live, liveReport, pick.Office);
        return new WaveSite(pick.Kommun.Kommunkod, pick.Judgement, pick.Saved, baseReport.TravelHoursPerYear - pick.Report.TravelHoursPerYear,
            pick.Report.MonthsToCover, pick.Solution.MovedCount, single);
    }

    /// <summary>The combined effect of the wave's sites: one re-solve from the live plan with all of them open.</summary>
    public static WaveEffect Combine(
        PlanningWorld world,
        IReadOnlyList<PlanningHuvudman> huvudman,
        IReadOnlyList<PlanningOffice> offices,
        int year,
        IReadOnlyDictionary<string, string> live,
        IReadOnlyList<string> sites,
        Func<Kommun, PlanningOffice> site,
        SwedishGeography geography)
    {
        var liveProblem = world.Problem(huvudman, offices, year, live);
        var liveReport = world.Report(liveProblem, liveProblem.Evaluate(live), huvudman, offices, year);
        var open = offices.Concat(sites.Select(k => site(geography.Kommun(k)))).ToList();
        var allProblem = world.Problem(huvudman, open, year, live);
        var all = LoadBalancer.Solve(allProblem);
        var allReport = world.Report(allProblem, all, huvudman, open, year);
        return new WaveEffect(liveReport.TravelKmPerYear - allReport.TravelKmPerYear, liveReport.TravelHoursPerYear - allReport.TravelHoursPerYear,
            liveReport.MonthsToCover, allReport.MonthsToCover, all.MovedCount);
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
        return liveReport.TravelKmPerYear - world.Report(problem, LoadBalancer.Solve(problem), huvudman, withSite, year).TravelKmPerYear;
    }
}
