namespace Planering.Domain.Planning;

/// <summary>What <see cref="ExactAssignmentSolver"/> found and what it proved.</summary>
/// <param name="Best">The best assignment found; the optimum when <paramref name="IsProvenOptimal"/>.</param>
/// <param name="LowerBound">A proven lower bound on the optimum (equal to the best, up to rounding, when proven).</param>
/// <param name="RelaxationBound">The plain LP (min-cost-flow) bound, before branching.</param>
/// <param name="IsProvenOptimal">True when the search finished: no assignment is better than <paramref name="Best"/>.</param>
/// <param name="NodesExplored">Branch-and-bound nodes solved.</param>
/// <param name="CoreSize">Huvudmän still free after reduced-cost fixing at the root (the rest provably sit at one office).</param>
public sealed record ExactAssignmentResult(
    AssignmentSolution Best,
    AssignmentBound LowerBound,
    AssignmentBound RelaxationBound,
    bool IsProvenOptimal,
    long NodesExplored,
    int CoreSize)
{
    /// <summary>
    /// Best total ÷ lower-bound total when both have the same overload: an upper bound on how far any assignment's
    /// total is from the optimum's. 1 when proven optimal.
    /// </summary>
    public double GapRatio => Best.Cost.Total / LowerBound.Total;
}
