using Planering.Domain.Planning;

namespace Planering.Domain.Tests.Planning;

/// <summary>
/// The optimum by enumerating all m^n assignments, with the objective computed here from its documented formula
/// (not by the domain's evaluator), so a test against it checks the model as well as the search.
/// </summary>
internal static class BruteForce
{
    public const double Tolerance = 1e-7;

    public sealed record Optimum(double OverloadHours, double Total, IReadOnlyDictionary<string, string> Assignment);

    public static Optimum Solve(AssignmentProblem problem)
    {
        var huvudman = problem.Huvudman;
        var offices = problem.Offices;
        var n = huvudman.Count;
        var m = offices.Count;
        var parameters = problem.Parameters;
        var travel = new double[n, m];
        var moved = new bool[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                travel[i, j] = parameters.TravelCostPerKm * huvudman[i].TravelWeight * problem.RoadKm(huvudman[i], offices[j]);
                moved[i, j] = problem.Previous.TryGetValue(huvudman[i].HuvudmanId, out var previous) && previous != offices[j].OfficeId;
            }
        }

        var choice = new int[n];
        var best = (int[])choice.Clone();
        var bestOverload = double.PositiveInfinity;
        var bestTotal = double.PositiveInfinity;
        var load = new double[m];
        while (true)
        {
            Array.Clear(load);
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                load[choice[i]] += huvudman[i].DemandHours;
                total += travel[i, choice[i]] + (moved[i, choice[i]] ? parameters.MovePenalty : 0);
            }

            var overload = 0.0;
            for (var j = 0; j < m; j++)
            {
                overload += Math.Max(0, load[j] - offices[j].CapacityHours);
                var target = Math.Max(problem.NationalUtilisation + parameters.BalanceSlack, parameters.BalanceFloor) * offices[j].CapacityHours;
                total += parameters.BalancePenaltyPerHour * Math.Max(0, load[j] - target);
            }

            if (overload < bestOverload - Tolerance || (overload <= bestOverload + Tolerance && total < bestTotal - Tolerance))
            {
                bestOverload = overload;
                bestTotal = total;
                Array.Copy(choice, best, n);
            }

            var k = 0;
            while (k < n && ++choice[k] == m)
            {
                choice[k++] = 0;
            }

            if (k == n)
            {
                break;
            }
        }

        return new Optimum(
            bestOverload,
            bestTotal,
            Enumerable.Range(0, n).ToDictionary(i => huvudman[i].HuvudmanId, i => offices[best[i]].OfficeId, StringComparer.Ordinal));
    }
}
