namespace Planering.Grains.Planning;

/// <summary>Evaluates kommuner as the next office's site, a batch per call (a stateless worker, key 0).</summary>
[Alias("planering.ISiteRankingGrain")]
public interface ISiteRankingGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Each kommun of the query as the next office's site: screened quickly (<c>SiteScreening</c>) or, with
    /// <c>Exact</c>, a full re-solve of the plan; and judged against the query's siting rules.
    /// </summary>
    [Alias("EvaluateQuery")]
    [ResponseTimeout("00:02:00")]
    Task<IReadOnlyList<SiteEvaluationRecord>> EvaluateAsync(SiteEvaluationQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// One step of a wave (<c>SiteWave.NextSite</c>): the best next site with <paramref name="opened"/> already open, or
    /// null when no kommun meets the rules any more. One call per step keeps each call short; a step screens every
    /// eligible kommun and re-solves the best in full, seconds each on the seeded 2,943 huvudmän, hence two minutes.
    /// </summary>
    [Alias("NextWaveSite")]
    [ResponseTimeout("00:02:00")]
    Task<WaveSiteRecord?> NextWaveSiteAsync(SitingRulesRecord rules, int advisors, IReadOnlyList<string> opened, CancellationToken cancellationToken = default);

    /// <summary>The combined effect of a wave's sites (<c>SiteWave.Combine</c>): one re-solve from the live plan with all open.</summary>
    [Alias("CombineWave")]
    [ResponseTimeout("00:01:00")]
    Task<WaveRecord> CombineWaveAsync(IReadOnlyList<WaveSiteRecord> sites, int advisors, CancellationToken cancellationToken = default);
}
