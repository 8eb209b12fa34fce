using Planering.Domain.Calendar;
using Planering.Domain.Planning;
using Planering.Domain.World;
using Planering.Grains.Hosting;

namespace Planering.Grains.Planning;

/// <summary>
/// Evaluates kommuner as the site of the next office: for each, the live world plus an office at the kommun's seat with
/// the given number of full-time advisors, either screened quickly (<see cref="SiteScreening"/>) or re-solved in full
/// from the live assignment. Reads the live world once per batch.
/// </summary>
[StatelessWorker]
public sealed class SiteRankingGrain(TimeProvider clock) : Grain, ISiteRankingGrain
{
    public async Task<IReadOnlyList<SiteEvaluationRecord>> EvaluateAsync(IReadOnlyList<string> kommunkoder, int advisors, bool exact, CancellationToken cancellationToken = default)
    {
        var snapshot = await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).SnapshotAsync();
        var huvudman = snapshot.Huvudman.Select(h => h.ToPlanning()).ToList();
        var offices = snapshot.Offices.Select(o => o.ToPlanning()).ToList();
        var world = PlanningMapping.World(await GrainFactory.PlanningParametersAsync());
        var year = StockholmTime.LocalDate(clock.GetUtcNow()).Year;
        var beforeProblem = world.Problem(huvudman, offices, year, snapshot.OfficeByHuvudman);
        var before = beforeProblem.Evaluate(PlanningMapping.Complete(beforeProblem, huvudman, snapshot.OfficeByHuvudman));
        var beforeReport = world.Report(beforeProblem, before, huvudman, offices, year);

        return await Task.Run(() => kommunkoder.Select(kommunkod =>
        {
            // A batch holds up to 30 full re-solves: a caller that gave up should not wait for them all.
            cancellationToken.ThrowIfCancellationRequested();
            var kommun = SwedishGeography.Sweden.Kommun(kommunkod);
            var site = new PlanningOffice($"site-{kommunkod}", kommunkod, kommun.Position, WorldSeed.DefaultAdvisors($"site-{kommunkod}", advisors).Select(a => a with { Fte = 1.0 }).ToList());
            var afterProblem = world.Problem(huvudman, [.. offices, site], year, before.OfficeByHuvudman);
            var after = exact ? LoadBalancer.Solve(afterProblem) : afterProblem.Evaluate(SiteScreening.Open(afterProblem, before.OfficeByHuvudman, site.OfficeId));
            var report = world.Report(afterProblem, after, huvudman, [.. offices, site], year);
            var line = report.Offices.FirstOrDefault(o => o.OfficeId == site.OfficeId);
            return new SiteEvaluationRecord(kommunkod, beforeReport.TravelKmPerYear - report.TravelKmPerYear,
                beforeReport.TravelHoursPerYear - report.TravelHoursPerYear, report.MonthsToCover, after.MovedCount,
                line?.DialogueCapacityPerYear ?? 0, report.NationalUtilisation, report.Binding,
                beforeReport.NightsAwayPerYear - report.NightsAwayPerYear);
        }).ToList(), cancellationToken);
    }
}
