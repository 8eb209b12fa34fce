namespace Planering.Grains.Planning;

/// <summary>Evaluates kommuner as the next office's site, a batch per call (a stateless worker, key 0).</summary>
[Alias("planering.ISiteRankingGrain")]
public interface ISiteRankingGrain : IGrainWithIntegerKey
{
    /// <param name="exact">False: a quick screening (<c>SiteScreening</c>); true: a full re-solve of the plan.</param>
    [Alias("Evaluate")]
    Task<IReadOnlyList<SiteEvaluationRecord>> EvaluateAsync(IReadOnlyList<string> kommunkoder, int advisors, bool exact, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="EvaluateAsync"/>, each site also judged against the query's siting rules.</summary>
    [Alias("EvaluateQuery")]
    Task<IReadOnlyList<SiteEvaluationRecord>> EvaluateAsync(SiteEvaluationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The next <paramref name="count"/> offices together (<c>SiteWave</c>): greedy with re-evaluation, combined figures.</summary>
    [Alias("PlanWave")]
    Task<WaveRecord> PlanWaveAsync(SitingRulesRecord rules, int advisors, int count, CancellationToken cancellationToken = default);
}
