using Planering.Domain.Geography;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Which other offices to ask for an earlier slot than the one found, and which of their answers to offer. Asking is
/// a search at each office: only offices that could be earlier are asked (<see cref="EarlierElsewhere"/>).
/// </summary>
public static class AlternativeOffices
{
    /// <summary>At most this many alternatives are offered beside the slot found.</summary>
    public const int MaxOffered = 2;

    /// <summary>
    /// The offices to ask: every other office with at least <paramref name="advisorsPerDialogue"/> advisors (one with
    /// fewer can never hold a dialogue; its search would say so only after walking its calendar), and with
    /// <see cref="EarlierElsewhere.NearerOffice"/> only those nearer the huvudman than the office found (travel grows
    /// with distance, and nothing else can make a farther one earlier); none with <see cref="EarlierElsewhere.None"/>.
    /// </summary>
    public static IReadOnlyList<string> ToAsk(
        GeoPosition huvudman, IReadOnlyList<(string OfficeId, GeoPosition Position, int Advisors)> offices, string foundOfficeId, EarlierElsewhere scope,
        int advisorsPerDialogue)
    {
        ArgumentNullException.ThrowIfNull(offices);
        if (scope == EarlierElsewhere.None)
        {
            return [];
        }

        var foundKm = offices.Where(o => o.OfficeId == foundOfficeId).Select(o => huvudman.DistanceKmTo(o.Position)).DefaultIfEmpty(double.MaxValue).First();
        return offices
            .Where(o => o.OfficeId != foundOfficeId && o.Advisors >= advisorsPerDialogue)
            .Where(o => scope == EarlierElsewhere.AnyOffice || huvudman.DistanceKmTo(o.Position) < foundKm)
            .Select(o => o.OfficeId)
            .ToList();
    }

    /// <summary>The answers to offer: those that start before the slot found, earliest first (office id breaks ties), at most <see cref="MaxOffered"/>.</summary>
    public static IReadOnlyList<T> ToOffer<T>(IEnumerable<T> answers, Func<T, (string OfficeId, DateTimeOffset StartUtc)> key, DateTimeOffset foundStartUtc) =>
        answers
            .Where(a => key(a).StartUtc < foundStartUtc)
            .OrderBy(a => key(a).StartUtc)
            .ThenBy(a => key(a).OfficeId, StringComparer.Ordinal)
            .Take(MaxOffered)
            .ToList();
}
