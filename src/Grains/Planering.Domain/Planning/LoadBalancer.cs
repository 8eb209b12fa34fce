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
/// <item>Improve by shift and swap moves with O(1) delta pricing until none helps (<see cref="LocalSearch"/>), then
/// by exact re-assignment of border windows between neighbouring offices (<see cref="BorderSearch"/>); repeat while
/// either finds something.</item>
/// <item>With a previous assignment, also improve that one by the same moves, and keep it unless the new plan is
/// clearly better: since every move away from it pays the move penalty, an unchanged problem re-solves to itself.</item>
/// <item>Polish by a branch and bound (<see cref="BranchAndBound"/>) with a fixed work budget: it only ever replaces
/// the incumbent by a clearly better one, proves small instances optimal, and costs little on large ones because
/// reduced-cost fixing leaves only the huvudmän near office borders to search.</item>
/// </list>
/// <para>A huvudman with zero demand loads no office, so it simply goes to its cheapest office.</para>
/// </remarks>
public static class LoadBalancer
{
    // The branch-and-bound polish gets 2·10⁶ units of work (huvudmän routed × m², a few ms): enough to prove instances
    // of a few dozen huvudmän optimal.
    private const long PolishWork = 2_000_000;
    private const long PolishMinimumNodes = 64;

    /// <summary>Solves the problem; never throws for an overloaded one (see <see cref="AssignmentSolution.IsFeasible"/>).</summary>
    public static AssignmentSolution Solve(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = PlanningModel.Build(problem);
        return model.ToSolution(Solve(model));
    }

    internal static int[] Solve(PlanningModel model)
    {
        var relaxation = new FlowRelaxation(model);
        int[] best;
        if (HasPrevious(model))
        {
            // The two starts are independent (each its own relaxation workspace; the model is only read), so on two
            // cores a re-plan takes the time of one: a what-if and the live re-solve both start from a previous plan.
            var fromPrevious = Task.Run(() => Improve(model, KeepPrevious(model), new FlowRelaxation(model)));
            best = Improve(model, RoundedRelaxation(model, relaxation), relaxation);
            var previous = fromPrevious.GetAwaiter().GetResult();
            best = model.ClearlyLess(model.Evaluate(best), model.Evaluate(previous)) ? best : previous;
        }
        else
        {
            best = Improve(model, RoundedRelaxation(model, relaxation), relaxation);
        }

        // Skipped unless the budget buys a real search (a few dozen relaxations of the whole instance): on large
        // instances a handful of nodes only costs time, and the border windows have done that work better.
        if ((long)model.ItemCount * model.OfficeCount * model.OfficeCount * PolishMinimumNodes > PolishWork)
        {
            return best;
        }

        var polish = new BranchAndBound(model, best, long.MaxValue, PolishWork, relaxation);
        polish.Run();

        // A polished plan that is not proven optimal may still yield to the moves; settling it here keeps a re-plan of
        // unchanged inputs from finding (and moving for) what this run left on the table.
        return polish.Proven || !model.ClearlyLess(polish.BestValue, model.Evaluate(best))
            ? polish.Best
            : Improve(model, polish.Best, relaxation);
    }

    // Local search and border windows feed each other: a window exchange opens room for shifts and the reverse.
    private static int[] Improve(PlanningModel model, int[] assignment, FlowRelaxation relaxation)
    {
        var value = model.Evaluate(assignment);
        var border = new BorderSearch(model, relaxation);
        for (var round = 0; round < 8; round++)
        {
            var search = new LocalSearch(model, assignment);
            search.Run();
            assignment = border.Improve(search.Assignment);
            var next = model.Evaluate(assignment);
            if (!model.ClearlyLess(next, value))
            {
                break;
            }

            value = next;
        }

        return assignment;
    }

    private static int[] RoundedRelaxation(PlanningModel model, FlowRelaxation relaxation)
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
                if (best < 0 || model.Less(delta, bestDelta))
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
