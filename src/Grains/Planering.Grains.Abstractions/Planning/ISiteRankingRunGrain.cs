namespace Planering.Grains.Planning;

/// <summary>
/// One ranking of kommuner as the next office's site (key: a fresh Guid per request): checks the siting rules, screens
/// every kommun, re-solves the leaders in full, orders both rankings and, when asked, plans a wave; progress as it goes.
/// The work itself runs in <see cref="ISiteRankingGrain"/> batches, so every call stays short.
/// </summary>
[Alias("planering.ISiteRankingRunGrain")]
public interface ISiteRankingRunGrain : IGrainWithGuidKey
{
    /// <summary>Progress after each batch and wave step; the last item has <c>Done</c> and the results.</summary>
    [Alias("Rank")]
    [ResponseTimeout("00:05:00")]
    IAsyncEnumerable<SiteRankingProgress> RankAsync(SiteRankingRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The siting rules as a caller gave them: unset values take the rules' defaults (see <c>SitingRules.Create</c>).</summary>
[GenerateSerializer, Immutable, Alias("planering.SitingRulesInput")]
public sealed record SitingRulesInput(
    [property: Id(0)] bool? RequireLarosate,
    [property: Id(1)] double? MaxLarosateKm,
    [property: Id(2)] double? MinOfficeDistanceKm,
    [property: Id(3)] bool? PreferSpsm,
    [property: Id(4)] IReadOnlyList<string> SpsmKommunkoder,
    [property: Id(5)] IReadOnlyList<string> Excluded,
    [property: Id(6)] IReadOnlyList<string> Insisted);

/// <summary>What to rank: the top <c>K</c> of each ranking, with offices of <c>Advisors</c> full-time advisors.</summary>
[GenerateSerializer, Immutable, Alias("planering.SiteRankingRequest")]
public sealed record SiteRankingRequest(
    [property: Id(0)] SitingRulesInput Rules,
    [property: Id(1)] int K,
    [property: Id(2)] int Advisors,
    [property: Id(3)] bool IncludeIneligible,
    [property: Id(4)] int Sites);

/// <summary>How far a ranking has come; with <c>Done</c>, its results (the rules applied, both rankings, the wave).</summary>
[GenerateSerializer, Immutable, Alias("planering.SiteRankingProgress")]
public sealed record SiteRankingProgress(
    [property: Id(0)] int Evaluated,
    [property: Id(1)] int Total,
    [property: Id(2)] bool Done = false,
    [property: Id(3)] int WaveSitesChosen = 0,
    [property: Id(4)] SitingRulesRecord? Rules = null,
    [property: Id(5)] int Eligible = 0,
    [property: Id(6)] IReadOnlyList<SiteEvaluationRecord>? ByTravelSaved = null,
    [property: Id(7)] IReadOnlyList<SiteEvaluationRecord>? ByTimeToCover = null,
    [property: Id(8)] WaveRecord? Wave = null);
