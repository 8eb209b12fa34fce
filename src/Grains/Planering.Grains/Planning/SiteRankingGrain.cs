using Planering.Domain.Calendar;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.Siting;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Planning;

/// <summary>
/// Evaluates kommuner as the site of the next office: for each, the live world plus an office at the kommun's seat with
/// the given number of full-time advisors, either screened quickly (<see cref="SiteScreening"/>) or re-solved in full
/// from the live assignment, and judged against the siting rules (<see cref="SiteJudge"/>). Reads the live world once
/// per batch. Also plans a wave of several offices together (<see cref="SiteWave"/>).
/// </summary>
[StatelessWorker]
public sealed class SiteRankingGrain(TimeProvider clock) : Grain, ISiteRankingGrain
{
    public async Task<IReadOnlyList<SiteEvaluationRecord>> EvaluateAsync(SiteEvaluationQuery query, CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync();
        var rules = query.Rules.ToDomain();
        var positions = live.Offices.Select(o => (o.OfficeId, o.Position)).ToList();

        return await Task.Run(() => query.Kommunkoder.Select(kommunkod =>
        {
            // A batch holds up to 30 full re-solves: a caller that gave up should not wait for them all.
            cancellationToken.ThrowIfCancellationRequested();
            var kommun = SwedishGeography.Sweden.Kommun(kommunkod);
            var judgement = SiteJudge.Judge(kommun, positions, rules, SwedishGeography.Sweden);
            var site = Site(kommun, query.Advisors);
            var afterProblem = live.World.Problem(live.Huvudman, [.. live.Offices, site], live.Year, live.Before.OfficeByHuvudman);
            var after = query.Exact ? LoadBalancer.Solve(afterProblem) : afterProblem.Evaluate(SiteScreening.Open(afterProblem, live.Before.OfficeByHuvudman, site.OfficeId));
            var report = live.World.Report(afterProblem, after, live.Huvudman, [.. live.Offices, site], live.Year);
            var line = report.Offices.FirstOrDefault(o => o.OfficeId == site.OfficeId);
            return new SiteEvaluationRecord(kommunkod, live.Report.TravelKmPerYear - report.TravelKmPerYear,
                live.Report.TravelHoursPerYear - report.TravelHoursPerYear, report.MonthsToCover, after.MovedCount,
                judgement.ToRecord(rules), live.Report.NightsAwayPerYear - report.NightsAwayPerYear,
                line?.DialogueCapacityPerYear ?? 0, report.NationalUtilisation, report.Binding);
        }).ToList(), cancellationToken);
    }

    public async Task<WaveSiteRecord?> NextWaveSiteAsync(SitingRulesRecord rules, int advisors, IReadOnlyList<string> opened, CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync();
        var domainRules = rules.ToDomain();
        var next = await Task.Run(
            () => SiteWave.NextSite(live.World, live.Huvudman, live.Offices, live.Year, live.Before.OfficeByHuvudman, domainRules, opened,
                kommun => Site(kommun, advisors), SwedishGeography.Sweden, cancellationToken),
            cancellationToken);
        return next is null ? null : new WaveSiteRecord(
            new SiteEvaluationRecord(next.Kommunkod, next.TravelKmSavedPerYear, next.TravelHoursSavedPerYear, next.MonthsToCoverAfter, next.HuvudmanReassigned,
                next.Judgement.ToRecord(domainRules)),
            next.SingleSiteTravelKmSavedPerYear);
    }

    public async Task<WaveRecord> CombineWaveAsync(IReadOnlyList<WaveSiteRecord> sites, int advisors, CancellationToken cancellationToken = default)
    {
        var live = await LiveAsync();
        var wave = await Task.Run(
            () => SiteWave.Combine(live.World, live.Huvudman, live.Offices, live.Year, live.Before.OfficeByHuvudman, sites.Select(s => s.Site.Kommunkod).ToList(),
                kommun => Site(kommun, advisors), SwedishGeography.Sweden),
            cancellationToken);
        return new WaveRecord(sites, wave.TravelKmSavedPerYear, wave.TravelHoursSavedPerYear, wave.MonthsToCoverBefore, wave.MonthsToCoverAfter,
            wave.HuvudmanReassigned, sites.Sum(s => s.SingleSiteTravelKmSavedPerYear), 0);
    }

    private static PlanningOffice Site(Kommun kommun, int advisors) =>
        new($"site-{kommun.Kommunkod}", kommun.Kommunkod, kommun.Position,
            Staffing.FullTime($"site-{kommun.Kommunkod}", advisors));

    private async Task<LiveWorld> LiveAsync()
    {
        var snapshot = await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).SnapshotAsync();
        var huvudman = snapshot.Huvudman.Select(h => h.ToPlanning()).ToList();
        var offices = snapshot.Offices.Select(o => o.ToPlanning()).ToList();
        var world = PlanningMapping.World(await GrainFactory.PlanningParametersAsync(), await SchoolCalendars.CurrentAsync(GrainFactory));
        var year = StockholmTime.LocalDate(clock.GetUtcNow()).Year;
        var beforeProblem = world.Problem(huvudman, offices, year, snapshot.OfficeByHuvudman);
        var before = beforeProblem.Evaluate(PlanningMapping.Complete(beforeProblem, huvudman, snapshot.OfficeByHuvudman));
        return new LiveWorld(world, huvudman, offices, year, before, world.Report(beforeProblem, before, huvudman, offices, year));
    }

    private sealed record LiveWorld(
        PlanningWorld World, List<PlanningHuvudman> Huvudman, List<PlanningOffice> Offices, int Year, AssignmentSolution Before, PlanReport Report);
}
