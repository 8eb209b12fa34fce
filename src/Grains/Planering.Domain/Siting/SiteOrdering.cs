namespace Planering.Domain.Siting;

/// <summary>What the two rankings sort a site by.</summary>
/// <param name="Preferred">At an SPSM site while the rules prefer SPSM co-location: ranks ahead of the rest.</param>
public readonly record struct SiteRankKey(string Kommunkod, bool Preferred, double TravelKmSavedPerYear, double MonthsToCoverAfter);

/// <summary>
/// The one order of the site rankings: preferred sites (SPSM co-location) first, then by travel saved (most first) or
/// by time to cover every huvudman (least first, travel saved breaking ties), then by kommunkod so equal figures always
/// rank the same way.
/// </summary>
public static class SiteOrdering
{
    public static IOrderedEnumerable<T> ByTravelSaved<T>(IEnumerable<T> sites, Func<T, SiteRankKey> key) =>
        sites.OrderByDescending(s => key(s).Preferred)
            .ThenByDescending(s => key(s).TravelKmSavedPerYear)
            .ThenBy(s => key(s).Kommunkod, StringComparer.Ordinal);

    public static IOrderedEnumerable<T> ByTimeToCover<T>(IEnumerable<T> sites, Func<T, SiteRankKey> key) =>
        sites.OrderByDescending(s => key(s).Preferred)
            .ThenBy(s => key(s).MonthsToCoverAfter)
            .ThenByDescending(s => key(s).TravelKmSavedPerYear)
            .ThenBy(s => key(s).Kommunkod, StringComparer.Ordinal);

    /// <summary>The sites a ranking re-solves in full after screening: the leaders of both orders, with a margin.</summary>
    public static IReadOnlyList<string> Leaders<T>(IReadOnlyCollection<T> screened, Func<T, SiteRankKey> key, int count) =>
        ByTravelSaved(screened, key).Take(count).Concat(ByTimeToCover(screened, key).Take(count))
            .Select(s => key(s).Kommunkod).Distinct(StringComparer.Ordinal).ToList();
}
