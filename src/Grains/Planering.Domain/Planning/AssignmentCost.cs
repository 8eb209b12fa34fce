namespace Planering.Domain.Planning;

/// <summary>
/// The objective of one assignment, part by part (see <see cref="AssignmentProblem"/>): overload O first, then the cost
/// Z = travel + balance + moves.
/// </summary>
/// <param name="OverloadHours">O = Σ_j max(0, L_j − C_j); 0 when every capacity is respected.</param>
/// <param name="Travel">Σ_i κ·w_i·t_{i,a(i)}.</param>
/// <param name="Balance">λ·Σ_j max(0, L_j − T_j).</param>
/// <param name="Moves">μ × the number of moved huvudmän.</param>
public sealed record AssignmentCost(double OverloadHours, double Travel, double Balance, double Moves)
{
    /// <summary>Z = travel + balance + moves, the quantity minimised once the overload is as small as it can be.</summary>
    public double Total => Travel + Balance + Moves;
}
