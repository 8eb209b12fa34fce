namespace Planering.Domain.Planning;

/// <summary>
/// The reference solver: the exact integer optimum of the objective documented on <see cref="AssignmentProblem"/>,
/// for tests and benchmarks of <see cref="LoadBalancer"/>. It starts from the balancer's assignment and runs a
/// depth-first branch and bound over the flow relaxation with reduced-cost fixing (see <see cref="BranchAndBound"/>).
/// </summary>
/// <remarks>
/// <para>What it can prove: instances of up to a hundred or so huvudmän on a handful of offices, usually in well under
/// a second (checked against enumeration on small ones and against an external MIP solver on a 100 × 5 one).</para>
/// <para>What it cannot: the national instance (≈ 1,170 × 6). Its LP gap is small (≈ 0.07 % above the balancer's
/// plan) but made of tight packings at five load breakpoints, and a pure LP-bounded search does not close it in
/// millions of nodes; a MIP solver needs cover cuts for that. The search then stops at the node limit, says it did not
/// prove optimality, and returns the least bound of the unexplored nodes (in practice the LP bound). Since that bound
/// is below the optimum, best ÷ bound (<see cref="ExactAssignmentResult.GapRatio"/>) is an upper bound on how far
/// the best plan, and the balancer's, can be from the optimum.</para>
/// </remarks>
public sealed class ExactAssignmentSolver
{
    /// <summary>Node limit used when none is given: well under a minute of search on an instance the size of Sweden's.</summary>
    public const long DefaultNodeLimit = 300_000;

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
