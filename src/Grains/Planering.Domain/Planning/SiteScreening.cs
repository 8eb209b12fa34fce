namespace Planering.Domain.Planning;

/// <summary>
/// A quick estimate of what opening one office does, for screening hundreds of candidate sites: starting from the
/// current assignment, the huvudmän that would save the most travel by moving to the new office move there (each
/// saving more than the move penalty), until the office reaches its balance target. It never re-plans the rest of
/// the country, so it understates the gain a full re-solve finds; the ranking re-solves its leaders exactly.
/// </summary>
public static class SiteScreening
{
    /// <param name="problem">The problem with the new office among its offices.</param>
    /// <param name="current">The assignment before the office opens (every huvudman of the problem).</param>
    public static Dictionary<string, string> Open(AssignmentProblem problem, IReadOnlyDictionary<string, string> current, string newOfficeId)
    {
        // A site that cannot hold a dialogue is not in the problem (PlanningWorld.Problem): it takes nobody.
        if (problem.Offices.FirstOrDefault(o => o.OfficeId == newOfficeId) is not { } site)
        {
            return new Dictionary<string, string>(current, StringComparer.Ordinal);
        }

        var positions = problem.Offices.ToDictionary(o => o.OfficeId, o => o.Position, StringComparer.Ordinal);
        var p = problem.Parameters;
        var room = Math.Min(site.CapacityHours, problem.BalanceTargetHours(site));

        var movers = problem.Huvudman
            .Select(h =>
            {
                var from = positions[current[h.HuvudmanId]];
                var saving = p.TravelCostPerKm * h.TravelWeight * p.RoadFactor * (h.Position.DistanceKmTo(from) - h.Position.DistanceKmTo(site.Position));
                return (Huvudman: h, Saving: saving - p.MovePenalty);
            })
            .Where(x => x.Saving > 0)
            .OrderByDescending(x => x.Saving)
            .ThenBy(x => x.Huvudman.HuvudmanId, StringComparer.Ordinal);

        var assignment = new Dictionary<string, string>(current, StringComparer.Ordinal);
        var load = 0.0;
        foreach (var (h, _) in movers)
        {
            if (load + h.DemandHours <= room)
            {
                assignment[h.HuvudmanId] = newOfficeId;
                load += h.DemandHours;
            }
        }

        return assignment;
    }
}
