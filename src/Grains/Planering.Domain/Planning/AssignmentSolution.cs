namespace Planering.Domain.Planning;

/// <summary>
/// A complete assignment with everything a planner asks about it: each huvudman's office and travel, each office's load
/// against capacity, the objective part by part, how many huvudmän moved, and whether every capacity is respected.
/// </summary>
/// <param name="Assignments">One entry per huvudman, in the problem's order.</param>
/// <param name="Offices">One entry per office, in the problem's order.</param>
/// <param name="Cost">The objective.</param>
/// <param name="MovedCount">Huvudmän whose office differs from the previous assignment.</param>
/// <param name="IsFeasible">
/// True when no office is loaded above its capacity. False means no assignment was found that respects every capacity
/// (when Σd &gt; ΣC none exists); <see cref="AssignmentCost.OverloadHours"/> then says by how much.
/// </param>
public sealed record AssignmentSolution(
    IReadOnlyList<HuvudmanAssignment> Assignments,
    IReadOnlyList<OfficeLoad> Offices,
    AssignmentCost Cost,
    int MovedCount,
    bool IsFeasible)
{
    /// <summary>The assignment as huvudman id → office id, ready to pass back as the previous assignment.</summary>
    public IReadOnlyDictionary<string, string> OfficeByHuvudman =>
        Assignments.ToDictionary(a => a.HuvudmanId, a => a.OfficeId, StringComparer.Ordinal);
}
