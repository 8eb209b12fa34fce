namespace Planering.Domain.Planning;

/// <summary>The weights of the assignment objective (see <see cref="AssignmentProblem"/> for the model they enter).</summary>
/// <param name="RoadFactor">Road kilometres per great-circle kilometre (Swedish roads wind; 1.3 is a common rule of thumb); at least 1.</param>
/// <param name="TravelCostPerKm">κ: cost units per road kilometre of one trip; at least 0. Every other weight is in the same cost units.</param>
/// <param name="BalanceSlack">
/// s: how far above the national utilisation U an office may run before the balance penalty starts (0.10 = ten percentage points).
/// </param>
/// <param name="BalancePenaltyPerHour">
/// λ: cost per advisor hour an office carries above its balance target (U + s)·C_j. The default says an hour of
/// imbalance is as bad as about 50 road-km of travel, about forty minutes behind the wheel. It was 100 while the seeded
/// world ran at a quarter of its capacity; at the utilisation of the huvudmän in scope (about two thirds) 100 made a new
/// office pull huvudmän across the country to even out every office's load, so opening an office raised national travel
/// by a third (docs/planning-model.md, "The assignment's weights").
/// </param>
/// <param name="MovePenalty">
/// μ: cost of moving one huvudman away from its previous office (a handover: new contacts, lost knowledge). A huvudman
/// moves only when that lowers the rest of the objective by more than μ per moved huvudman, so a re-plan does not churn.
/// </param>
/// <param name="BalanceFloor">
/// f: the utilisation below which an office is never relieved at the cost of travel; the target is max(U + s, f)·C_j.
/// Without it a new office lowered every target and a what-if moved huvudmän between the old offices to even them out,
/// raising travel (docs/planning-model.md, "The assignment's weights").
/// </param>
public sealed record AssignmentParameters(
    double RoadFactor = 1.3,
    double TravelCostPerKm = 1.0,
    double BalanceSlack = 0.10,
    double BalancePenaltyPerHour = 50.0,
    double MovePenalty = 50.0,
    double BalanceFloor = 0.75)
{
    /// <summary>The documented defaults.</summary>
    public static AssignmentParameters Default { get; } = new();
}
