using System.Runtime.CompilerServices;
using Planering.Domain.Siting;
using Planering.Domain.World;

namespace Planering.Grains.Planning;

/// <summary>
/// One site ranking in two phases (the reasoning: docs/siting.md): every kommun screened quickly and judged against the
/// rules, then the leaders of both rankings re-solved in full with a margin, and both rankings ordered on the exact
/// figures (<see cref="SiteOrdering"/>); a wave then adds one site per step (<see cref="SiteWave"/>). Each batch is one
/// call to the stateless <see cref="ISiteRankingGrain"/>, two at a time (one per core), and each is reported as it ends.
/// </summary>
public sealed class SiteRankingRunGrain : Grain, ISiteRankingRunGrain
{
    /// <summary>
    /// Kommuner per screening call: small enough to report progress often and to stay far inside the grain response
    /// timeout with the seeded 2,943 huvudmän on a loaded machine, large enough to keep both cores busy.
    /// </summary>
    private const int ScreeningBatch = 10;

    /// <summary>
    /// Full re-solves per call: one, so that a call stays inside the grain response timeout on a loaded machine (a
    /// re-solve of the seeded 2,943 huvudmän over a score of offices takes seconds there, tens of seconds in a Debug build
    /// under load); two run at a time, one per core.
    /// </summary>
    private const int ExactBatch = 1;

    public async IAsyncEnumerable<SiteRankingProgress> RankAsync(SiteRankingRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var r = request.Rules;
        var rules = SitingMapping.Rules(r.RequireLarosate, r.MaxLarosateKm, r.MinOfficeDistanceKm, r.PreferSpsm, r.SpsmKommunkoder, r.Excluded, r.Insisted);
        var candidates = SwedishGeography.Sweden.Kommuner.Select(x => x.Kommunkod).ToList();
        var ranking = GrainFactory.GetGrain<ISiteRankingGrain>(0);
        var total = candidates.Count;

        var screened = new List<SiteEvaluationRecord>(total);
        var batches = candidates.Chunk(ScreeningBatch).ToList();
        for (var i = 0; i < batches.Count; i += 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var done = await Task.WhenAll(batches.Skip(i).Take(2).Select(b => ranking.EvaluateAsync(new SiteEvaluationQuery(b, request.Advisors, false, rules), cancellationToken)));
            screened.AddRange(done.SelectMany(d => d));
            yield return new SiteRankingProgress(screened.Count, total);
        }

        // Unless the caller asked for every kommun, only those that meet the rules take part.
        var ranked = screened.Where(s => request.IncludeIneligible || s.Judgement!.Eligible).ToList();
        var leaders = SiteOrdering.Leaders(ranked, Key, 2 * request.K);
        var exact = new Dictionary<string, SiteEvaluationRecord>(StringComparer.Ordinal);
        var exactBatches = leaders.Chunk(ExactBatch).ToList();
        for (var i = 0; i < exactBatches.Count; i += 2)
        {
            var done = await Task.WhenAll(exactBatches.Skip(i).Take(2).Select(b => ranking.EvaluateAsync(new SiteEvaluationQuery(b, request.Advisors, true, rules), cancellationToken)));
            foreach (var e in done.SelectMany(d => d))
            {
                exact[e.Kommunkod] = e;
            }
        }

        var results = ranked.Select(s => exact.GetValueOrDefault(s.Kommunkod, s)).ToList();
        WaveRecord? wave = null;
        if (request.Sites > 1)
        {
            // A wave, one step per call (each step screens the eligible kommuner with the earlier sites open).
            var sites = new List<WaveSiteRecord>(request.Sites);
            while (sites.Count < request.Sites
                && await ranking.NextWaveSiteAsync(rules, request.Advisors, sites.Select(s => s.Site.Kommunkod).ToList(), cancellationToken) is { } next)
            {
                sites.Add(next);
                yield return new SiteRankingProgress(total, total, WaveSitesChosen: sites.Count);
            }

            wave = await ranking.CombineWaveAsync(sites, request.Advisors, cancellationToken);
        }

        yield return new SiteRankingProgress(
            total, total, Done: true, Rules: rules, Eligible: screened.Count(s => s.Judgement!.Eligible),
            ByTravelSaved: SiteOrdering.ByTravelSaved(results, Key).Take(request.K).ToList(),
            ByTimeToCover: SiteOrdering.ByTimeToCover(results, Key).Take(request.K).ToList(),
            Wave: wave);
        DeactivateOnIdle();
    }

    private static SiteRankKey Key(SiteEvaluationRecord s) =>
        new(s.Kommunkod, s.Judgement?.Preferred ?? false, s.TravelKmSavedPerYear, s.MonthsToCoverAfter);
}
