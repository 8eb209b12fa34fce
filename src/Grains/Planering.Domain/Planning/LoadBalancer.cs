namespace Planering.Domain.Planning;

/// <summary>
/// The production solver for the huvudman → office assignment (the objective is documented on
/// <see cref="AssignmentProblem"/>): relax, round, improve. Deterministic: the same problem always gives the same
/// assignment, with ties broken by huvudman and office id.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Solve the LP relaxation exactly as a min-cost flow (<see cref="FlowRelaxation"/>, about O(n·m²)). Its optimum
/// keeps all but a handful of huvudmän whole.</item>
/// <item>Round the split ones greedily (<see cref="RelaxationRounding"/>).</item>
/// <item>Improve by shift and swap moves with O(1) delta pricing until none helps (<see cref="LocalSearch"/>).</item>
/// <item>With a previous assignment, also improve that one by the same moves, and keep it unless the new plan is
/// clearly better: since every move away from it pays the move penalty, an unchanged problem re-solves to itself.</item>
/// </list>
/// <para>A huvudman with zero demand loads no office, so it simply goes to its cheapest office.</para>
/// </remarks>
public static class LoadBalancer
{
    /// <summary>Solves the problem; never throws for an overloaded one (see <see cref="AssignmentSolution.IsFeasible"/>).</summary>
    public static AssignmentSolution Solve(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = PlanningModel.Build(problem);
        return model.ToSolution(Solve(model));
    }

    internal static int[] Solve(PlanningModel model)
    {
        var fromRelaxation = Improve(model, RoundedRelaxation(model));
        if (!HasPrevious(model))
        {
            return fromRelaxation;
        }

        var fromPrevious = Improve(model, KeepPrevious(model));
        return model.ClearlyLess(model.Evaluate(fromRelaxation), model.Evaluate(fromPrevious)) ? fromRelaxation : fromPrevious;
    }

    private static int[] Improve(PlanningModel model, int[] assignment)
    {
        var search = new LocalSearch(model, assignment);
        search.Run();
        return search.Assignment;
    }

    private static int[] RoundedRelaxation(PlanningModel model)
    {
        var n = model.ItemCount;
        var m = model.OfficeCount;
        var assignment = new int[n];
        var items = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (model.Demand[i] > 0)
            {
                items.Add(i);
            }
            else
            {
                assignment[i] = model.CheapestOffice(i);
            }
        }

        var positive = items.ToArray();
        var allowed = new bool[positive.Length * m];
        Array.Fill(allowed, true);
        var relaxation = new FlowRelaxation(model);
        relaxation.Solve(positive, positive.Length, allowed, new double[m]);
        RelaxationRounding.Round(model, relaxation, positive, positive.Length, assignment, new double[m]);
        return assignment;
    }

    private static bool HasPrevious(PlanningModel model)
    {
        for (var i = 0; i < model.ItemCount; i++)
        {
            if (model.PreviousOffice(i) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // Everyone stays put; newcomers (and huvudmän of closed offices) go, largest first, where they add least.
    private static int[] KeepPrevious(PlanningModel model)
    {
        var n = model.ItemCount;
        var m = model.OfficeCount;
        var assignment = new int[n];
        var loads = new double[m];
        var newcomers = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var previous = model.PreviousOffice(i);
            if (previous >= 0)
            {
                assignment[i] = previous;
                loads[previous] += model.Demand[i];
            }
            else
            {
                newcomers.Add(i);
            }
        }

        newcomers.Sort((x, y) =>
        {
            var byDemand = model.Demand[y].CompareTo(model.Demand[x]);
            return byDemand != 0 ? byDemand : x.CompareTo(y);
        });
        foreach (var i in newcomers)
        {
            var best = -1;
            var bestDelta = LexCost.PositiveInfinity;
            for (var k = 0; k < m; k++)
            {
                var delta = model.OfficeDelta(k, loads[k], model.Demand[i]) + new LexCost(0, model.Cost[(i * m) + k]);
                if (best < 0 || LexCost.Less(delta, bestDelta))
                {
                    best = k;
                    bestDelta = delta;
                }
            }

            assignment[i] = best;
            loads[best] += model.Demand[i];
        }

        return assignment;
    }
}
