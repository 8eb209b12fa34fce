using Planering.Domain.Geography;

namespace Planering.Domain.Planning;

/// <summary>
/// The initial assignment of a huvudman to a regional office: the nearest one by great-circle distance
/// (ties broken by office id, so the answer is stable). The planning grain uses it to place a new huvudman
/// until a rebalance decides otherwise.
/// </summary>
public static class NearestOfficeAssignment
{
    public static string? Nearest(GeoPosition huvudman, IEnumerable<(string OfficeId, GeoPosition Position)> offices)
    {
        string? best = null;
        var bestKm = double.MaxValue;
        foreach (var (officeId, position) in offices)
        {
            var km = huvudman.DistanceKmTo(position);
            if (km < bestKm || (km == bestKm && string.CompareOrdinal(officeId, best) < 0))
            {
                best = officeId;
                bestKm = km;
            }
        }

        return best;
    }
}
