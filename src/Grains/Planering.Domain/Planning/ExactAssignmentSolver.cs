namespace Planering.Domain.Planning;

/// <summary>
/// The reference solver: the exact integer optimum of the objective documented on <see cref="AssignmentProblem"/>,
/// for tests and benchmarks of <see cref="LoadBalancer"/>. It starts from the balancer's assignment and runs a branch
/// and bound over the flow relaxation with reduced-cost fixing (see <see cref="BranchAndBound"/>), so it usually
/// proves the optimum of the national instance in well under a second; the node limit keeps it finite on anything
/// harder, and the result then says so and carries a valid lower bound instead.
/// </summary>
public sealed class ExactAssignmentSolver
{
    /// <summary>Node limit used when none is given: minutes of search at most, on instances the size of Sweden's.</summary>
    public const long DefaultNodeLimit = 2_000_000;

    private readonly long _nodeLimit;

    /// <summary>Creates a solver that gives up proving after <paramref name="nodeLimit"/> branch-and-bound nodes.</summary>
    public ExactAssignmentSolver(long nodeLimit = DefaultNodeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeLimit, 1);
        _nodeLimit = nodeLimit;
    }

    /// <summary>Solves to proven optimality within the node limit.</summary>
    public ExactAssignmentResult Solve(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = PlanningModel.Build(problem);
        var search = new BranchAndBound(model, LoadBalancer.Solve(model), _nodeLimit);
        search.Run();
        return new ExactAssignmentResult(
            model.ToSolution(search.Best),
            ToBound(search.LowerBound),
            ToBound(search.RootBound),
            search.Proven,
            search.Nodes,
            search.CoreSize);
    }

    /// <summary>Only the LP (min-cost-flow) lower bound: cheap even for instances far too large to solve exactly.</summary>
    public static AssignmentBound RelaxationBound(AssignmentProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var model = PlanningModel.Build(problem);
        var items = Enumerable.Range(0, model.ItemCount).Where(i => model.Demand[i] > 0).ToArray();
        var zeroCost = Enumerable.Range(0, model.ItemCount).Where(i => model.Demand[i] <= 0)
            .Sum(i => model.Cost[(i * model.OfficeCount) + model.CheapestOffice(i)]);
        var allowed = new bool[items.Length * model.OfficeCount];
        Array.Fill(allowed, true);
        var relaxation = new FlowRelaxation(model);
        relaxation.Solve(items, items.Length, allowed, new double[model.OfficeCount]);
        return ToBound(relaxation.Bound + new LexCost(0, zeroCost));
    }

    private static AssignmentBound ToBound(LexCost value) => new(value.Overload, value.Cost);
}
