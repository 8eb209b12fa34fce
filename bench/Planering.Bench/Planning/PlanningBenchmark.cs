using System.Diagnostics;
using System.Globalization;
using System.Text;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.Siting;
using Planering.Domain.World;

namespace Planering.Bench.Planning;

/// <summary>
/// Solve times of the load balancer (median of timed runs after a warm-up: single solves take tens of milliseconds to
/// seconds, too long for BenchmarkDotNet's many iterations), its cost against the exact optimum or the LP lower bound,
/// and the domain work of RankOfficeSites over every kommun.
/// </summary>
public static class PlanningBenchmark
{
    public static string Run(bool quick)
    {
        var runs = quick ? 3 : 7;
        var text = new StringBuilder();
        text.AppendLine("| instance | solve (median) | cost / reference | reference | target |");
        text.AppendLine("|---|---:|---:|---|---|");
        var seeded = PlanningScenarios.SeededHuvudman.Count.ToString("N0", CultureInfo.InvariantCulture);
        Row(text, $"national: {seeded} huvudmän × 6 offices", PlanningScenarios.National(PlanningScenarios.SeededOffices), runs, "≤ 250 ms, ratio ≤ 1.005");
        Row(text, $"national: {seeded} huvudmän × 10 offices", PlanningScenarios.National(PlanningScenarios.TenOffices), runs, "≤ 250 ms, ratio ≤ 1.005");
        Row(text, "synthetic: 20,000 huvudmän × 50 offices", PlanningScenarios.Synthetic(), quick ? 1 : 3, "≤ 5 s");
        Row(text, $"national: {seeded} huvudmän × 6 offices, capacity binds (U = 0.95)", PlanningScenarios.NationalWhereCapacityBinds(PlanningScenarios.SeededOffices), runs, "≤ 250 ms, ratio ≤ 1.005");
        text.AppendLine();
        text.AppendLine(WhatIf(runs));
        text.AppendLine();
        text.AppendLine(Ranking());
        return text.ToString();
    }

    /// <summary>
    /// SimulateOpenOffice's domain work as the scenario grain does it (<see cref="OpenOfficeScenario"/>): the live plan
    /// evaluated, the world with the new office built and re-solved from the live assignment, the comparison and both reports.
    /// </summary>
    private static string WhatIf(int runs)
    {
        var world = PlanningScenarios.World;
        var huvudman = PlanningScenarios.SeededHuvudman;
        var offices = PlanningScenarios.SeededOffices;
        var live = LoadBalancer.Solve(PlanningScenarios.National(offices)).OfficeByHuvudman;
        var kommun = SwedishGeography.Sweden.Kommun("2480");
        // The new office as SimulateOpenOffice with "6 advisors" staffs it, and the grain's own composition of the what-if.
        var umea = new PlanningOffice("umea", kommun.Kommunkod, kommun.Position, Staffing.FullTime("umea", 6));
        ScenarioOutcome? outcome = null;
        var median = Median(runs, () =>
            outcome = OpenOfficeScenario.Run(world, world, huvudman, offices, live, umea, advisorsPerOffice: 0, PlanningScenarios.Year, SwedishGeography.Sweden.Lan));
        var (before, after, comparison) = (outcome!.Before, outcome.After, outcome.Comparison);
        return string.Create(CultureInfo.InvariantCulture,
            $"What-if (`SimulateOpenOffice`'s domain work: the live plan measured, the world with a new office re-solved from the live assignment, compared and reported): Umeå with 6 advisors on the seeded world ({huvudman.Count:N0} huvudmän), median of {runs}: **{median.TotalMilliseconds:F0} ms** (target ≤ 300 ms; the gRPC call adds reading the live world once). It moves {comparison.Reassigned.Count:N0} huvudmän and saves {before.TravelKmPerYear - after.TravelKmPerYear:N0} km of travel a year.");
    }

    private static void Row(StringBuilder text, string name, AssignmentProblem problem, int runs, string target)
    {
        var solution = LoadBalancer.Solve(problem);
        var median = Median(runs, () => LoadBalancer.Solve(problem));
        var exact = problem.Huvudman.Count <= 2_000 ? new ExactAssignmentSolver(nodeLimit: 200_000).Solve(problem) : null;
        var bound = exact?.LowerBound ?? ExactAssignmentSolver.RelaxationBound(problem);
        var reference = exact is { IsProvenOptimal: true } ? "exact optimum (proven)" : "LP lower bound (ratio to the optimum is at most this)";
        var ratio = bound.OverloadHours > 1e-6 || solution.Cost.OverloadHours > 1e-6
            ? string.Create(CultureInfo.InvariantCulture, $"overload {solution.Cost.OverloadHours:F0} h vs {bound.OverloadHours:F0} h; cost {solution.Cost.Total / bound.Total:F5}")
            : string.Create(CultureInfo.InvariantCulture, $"{solution.Cost.Total / bound.Total:F5}");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {median.TotalMilliseconds:F0} ms | {ratio} | {reference} | {target} |");
    }

    /// <summary>
    /// The ranking's domain work as the gateway runs it: every kommun judged against the default siting rules and
    /// screened, the leaders re-solved, on both cores; then a wave of four offices chosen and evaluated together.
    /// </summary>
    private static string Ranking()
    {
        var world = PlanningScenarios.World;
        var huvudman = PlanningScenarios.SeededHuvudman;
        var offices = PlanningScenarios.SeededOffices;
        var live = LoadBalancer.Solve(PlanningScenarios.National(offices)).OfficeByHuvudman;
        var rules = SitingRules.Default(SwedishGeography.Sweden);
        var positions = offices.Select(o => (o.OfficeId, o.Position)).ToList();
        // The same work without the rules first, side by side, so the rules' own cost shows on a noisy machine.
        var unruled = Stopwatch.StartNew();
        var all = SwedishGeography.Sweden.Kommuner.AsParallel().WithDegreeOfParallelism(2).Select(k =>
        {
            var site = new PlanningOffice($"site-{k.Kommunkod}", k.Kommunkod, k.Position, Staffing.FullTime("site", 6));
            var problem = world.Problem(huvudman, [.. offices, site], PlanningScenarios.Year, live);
            return (Problem: problem, Solution: problem.Evaluate(SiteScreening.Open(problem, live, site.OfficeId)));
        }).ToList();
        _ = all.OrderBy(s => s.Solution.Cost.Total).Take(20).AsParallel().WithDegreeOfParallelism(2).Select(l => LoadBalancer.Solve(l.Problem)).ToList();
        unruled.Stop();

        var watch = Stopwatch.StartNew();
        var screened = SwedishGeography.Sweden.Kommuner.AsParallel().WithDegreeOfParallelism(2).Select(k =>
        {
            var judgement = SiteJudge.Judge(k, positions, rules, SwedishGeography.Sweden);
            var site = new PlanningOffice($"site-{k.Kommunkod}", k.Kommunkod, k.Position, Staffing.FullTime("site", 6));
            var problem = world.Problem(huvudman, [.. offices, site], PlanningScenarios.Year, live);
            return (k.Kommunkod, judgement.Eligible, Problem: problem, Solution: problem.Evaluate(SiteScreening.Open(problem, live, site.OfficeId)));
        }).ToList();
        var leaders = screened.Where(s => s.Eligible).OrderBy(s => s.Solution.Cost.Total).Take(20).ToList();
        var exact = leaders.AsParallel().WithDegreeOfParallelism(2).Select(l => LoadBalancer.Solve(l.Problem)).ToList();
        watch.Stop();

        var waveWatch = Stopwatch.StartNew();
        var wave = SiteWave.Plan(world, huvudman, offices, PlanningScenarios.Year, live, rules, 4,
            k => new PlanningOffice($"site-{k.Kommunkod}", k.Kommunkod, k.Position, Staffing.FullTime($"site-{k.Kommunkod}", 6)), SwedishGeography.Sweden);
        waveWatch.Stop();
        return string.Create(CultureInfo.InvariantCulture,
            $"RankOfficeSites' domain work: {screened.Count} kommuner judged against the siting rules and screened ({screened.Count(s => s.Eligible)} eligible), and the {exact.Count} leaders re-solved in full, on 2 cores: **{watch.Elapsed.TotalSeconds:F1} s** (target ≤ 10 s; the gRPC call adds reading the live world once per batch); the same without the rules, measured just before: {unruled.Elapsed.TotalSeconds:F1} s.\n\n" +
            $"A wave of four (`sites = 4`, `SiteWave`): {string.Join(", ", wave.Sites.Select(x => SwedishGeography.Sweden.Kommun(x.Kommunkod).Name))} chosen and evaluated together in **{waveWatch.Elapsed.TotalSeconds:F1} s** " +
            $"(combined {wave.Combined.TravelKmSavedPerYear:N0} km/yr saved; the single-site answers added up: {wave.SingleSiteTravelKmSavedSum:N0} km/yr).");
    }

    private static TimeSpan Median(int runs, Action action)
    {
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[runs / 2];
    }
}
