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

    /// <summary>
    /// One step of a wave (<c>SiteWave.NextSite</c>): the best next site with <paramref name="opened"/> already open, or
    /// null when no kommun meets the rules any more. One call per step keeps each call short.
    /// </summary>
    [Alias("NextWaveSite")]
    Task<WaveSiteRecord?> NextWaveSiteAsync(SitingRulesRecord rules, int advisors, IReadOnlyList<string> opened, CancellationToken cancellationToken = default);

    /// <summary>The combined effect of a wave's sites (<c>SiteWave.Combine</c>): one re-solve from the live plan with all open.</summary>
    [Alias("CombineWave")]
    Task<WaveRecord> CombineWaveAsync(IReadOnlyList<WaveSiteRecord> sites, int advisors, CancellationToken cancellationToken = default);
}
