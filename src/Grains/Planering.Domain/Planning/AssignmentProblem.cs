using System.Globalization;
using Planering.Domain.Errors;

namespace Planering.Domain.Planning;

/// <summary>
/// An instance of the huvudman → office assignment problem: who needs how much advisor time where, which offices give
/// how much, the objective's weights, and optionally the assignment in force today. Built only through
/// <see cref="Create"/>, which validates every field, so a solver never sees a malformed instance.
/// </summary>
/// <remarks>
/// <para><b>The model.</b> Huvudmän i = 1…n with position, yearly demand d_i ≥ 0 (advisor hours) and travel weight
/// w_i ≥ 0; offices j = 1…m with position and yearly capacity C_j &gt; 0 (advisor hours). Every huvudman is assigned to
/// exactly one office (a(i); dialogues are not split between offices). With</para>
/// <list type="bullet">
/// <item>t_ij = great-circle km(i, j) × road factor (road km),</item>
/// <item>load L_j = Σ_{i: a(i)=j} d_i, national utilisation U = Σ_i d_i / Σ_j C_j,</item>
/// <item>balance target T_j = max(U + s, f)·C_j (f the floor: below it an office is not relieved at the cost of travel),</item>
/// <item>p(i) the previous office of i, when the previous assignment names one,</item>
/// </list>
/// <para>the cost of an assignment is</para>
/// <code>
/// Z = Σ_i κ·w_i·t_{i,a(i)}                     travel
///   + λ · Σ_j max(0, L_j − T_j)                  balance: hours above the target
///   + μ · #{ i : p(i) exists and a(i) ≠ p(i) }   stability: moved huvudmän
/// </code>
/// <para>and its overload is O = Σ_j max(0, L_j − C_j). The solvers minimise <b>lexicographically</b>: first O, then Z.
/// So capacity is a hard constraint whenever some assignment respects it (then O = 0 and Z is minimised subject to
/// L_j ≤ C_j for every j); when none does (for example Σd &gt; ΣC), the least total overload is found first and
/// reported, and among those assignments the cheapest (the balance term then spreads the overload in proportion to
/// capacity, because T_j &gt; C_j when U &gt; 1).</para>
/// <para>Stability: μ is the threshold a move must beat. Re-solving with the previous assignment moves a huvudman only if
/// that lowers travel and balance by more than μ per moved huvudman. Previous entries naming an unknown huvudman are
/// ignored; a huvudman whose previous office is not in the problem (closed) has to move, costs μ wherever it goes, and
/// is counted as moved.</para>
/// </remarks>
public sealed record AssignmentProblem
{
    /// <summary>Longest id accepted for a huvudman or an office.</summary>
    public const int MaxIdLength = 100;

    private AssignmentProblem(
        IReadOnlyList<HuvudmanDemand> huvudman,
        IReadOnlyList<OfficeCapacity> offices,
        AssignmentParameters parameters,
        IReadOnlyDictionary<string, string> previous)
    {
        Huvudman = huvudman;
        Offices = offices;
        Parameters = parameters;
        Previous = previous;
        // Summed in id order, so the same huvudmän and offices give the same bits (and targets) in any input order.
        TotalDemandHours = huvudman.OrderBy(h => h.HuvudmanId, StringComparer.Ordinal).Sum(h => h.DemandHours);
        TotalCapacityHours = offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).Sum(o => o.CapacityHours);
        NationalUtilisation = TotalDemandHours / TotalCapacityHours;
    }

    /// <summary>The huvudmän, in the order given.</summary>
    public IReadOnlyList<HuvudmanDemand> Huvudman { get; }

    /// <summary>The offices, in the order given.</summary>
    public IReadOnlyList<OfficeCapacity> Offices { get; }

    /// <summary>The objective's weights.</summary>
    public AssignmentParameters Parameters { get; }

    /// <summary>The assignment in force (huvudman id → office id), restricted to known huvudmän; empty for a first plan.</summary>
    public IReadOnlyDictionary<string, string> Previous { get; }

    /// <summary>Σ d_i.</summary>
    public double TotalDemandHours { get; }

    /// <summary>Σ C_j.</summary>
    public double TotalCapacityHours { get; }

    /// <summary>U = Σ d_i / Σ C_j; above 1 no assignment can respect every capacity.</summary>
    public double NationalUtilisation { get; }

    /// <summary>
    /// Validates and builds a problem. Throws <see cref="PlaneringException"/> (invalid argument) naming every offending
    /// field: ids must be non-empty and unique, positions valid coordinates, demands and weights finite and ≥ 0,
    /// capacities finite and &gt; 0, at least one office, and the parameters in range.
    /// </summary>
    public static AssignmentProblem Create(
        IEnumerable<HuvudmanDemand> huvudman,
        IEnumerable<OfficeCapacity> offices,
        AssignmentParameters? parameters = null,
        IReadOnlyDictionary<string, string>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(huvudman);
        ArgumentNullException.ThrowIfNull(offices);
        var huvudmanList = huvudman.ToArray();
        var officeList = offices.ToArray();
        parameters ??= AssignmentParameters.Default;

        var violations = new Violations();
        var huvudmanIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < huvudmanList.Length; i++)
        {
            var h = huvudmanList[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"huvudman[{i}]");
            if (h is null)
            {
                violations.Add(field, "is required");
                continue;
            }

            RequireId(violations, $"{field}.huvudman_id", h.HuvudmanId, huvudmanIds);
            RequirePosition(violations, $"{field}.position", h.Position);
            violations.Require(double.IsFinite(h.DemandHours) && h.DemandHours >= 0, $"{field}.demand_hours", "must be a finite number ≥ 0");
            violations.Require(double.IsFinite(h.TravelWeight) && h.TravelWeight >= 0, $"{field}.travel_weight", "must be a finite number ≥ 0");
        }

        violations.Require(officeList.Length > 0, "offices", "at least one office is required");
        var officeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < officeList.Length; j++)
        {
            var o = officeList[j];
            var field = string.Create(CultureInfo.InvariantCulture, $"offices[{j}]");
            if (o is null)
            {
                violations.Add(field, "is required");
                continue;
            }

            RequireId(violations, $"{field}.office_id", o.OfficeId, officeIds);
            RequirePosition(violations, $"{field}.position", o.Position);
            violations.Require(double.IsFinite(o.CapacityHours) && o.CapacityHours > 0, $"{field}.capacity_hours", "must be a finite number > 0");
        }

        var p = parameters;
        violations.Require(double.IsFinite(p.RoadFactor) && p.RoadFactor >= 1, "parameters.road_factor", "must be a finite number ≥ 1");
        violations.Require(double.IsFinite(p.TravelCostPerKm) && p.TravelCostPerKm >= 0, "parameters.travel_cost_per_km", "must be a finite number ≥ 0");
        violations.Require(double.IsFinite(p.BalanceSlack) && p.BalanceSlack >= 0, "parameters.balance_slack", "must be a finite number ≥ 0");
        violations.Require(p.BalanceFloor is >= 0 and <= 1, "parameters.balance_floor", "must be between 0 and 1");
        violations.Require(double.IsFinite(p.BalancePenaltyPerHour) && p.BalancePenaltyPerHour >= 0, "parameters.balance_penalty_per_hour", "must be a finite number ≥ 0");
        violations.Require(double.IsFinite(p.MovePenalty) && p.MovePenalty >= 0, "parameters.move_penalty", "must be a finite number ≥ 0");
        violations.ThrowIfAny();

        // Previous entries for huvudmän that have left are history, not an error; keep only the ones that still matter.
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        if (previous is not null)
        {
            foreach (var (huvudmanId, officeId) in previous)
            {
                if (officeId is not null && huvudmanIds.Contains(huvudmanId))
                {
                    kept[huvudmanId] = officeId;
                }
            }
        }

        return new AssignmentProblem(huvudmanList, officeList, p, kept);
    }

    /// <summary>t_ij: road kilometres from an office to a huvudman.</summary>
    public double RoadKm(HuvudmanDemand huvudman, OfficeCapacity office)
    {
        ArgumentNullException.ThrowIfNull(huvudman);
        ArgumentNullException.ThrowIfNull(office);
        return huvudman.Position.DistanceKmTo(office.Position) * Parameters.RoadFactor;
    }

    /// <summary>T_j = max(U + s, f)·C_j: the load above which the balance penalty applies.</summary>
    public double BalanceTargetHours(OfficeCapacity office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return Math.Max(NationalUtilisation + Parameters.BalanceSlack, Parameters.BalanceFloor) * office.CapacityHours;
    }

    /// <summary>
    /// Evaluates a complete assignment (huvudman id → office id) under this problem's objective, exactly as the solvers
    /// do. Throws <see cref="PlaneringException"/> when a huvudman is missing or an office is unknown.
    /// </summary>
    public AssignmentSolution Evaluate(IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var model = PlanningModel.Build(this);
        return model.ToSolution(model.FromDictionary(assignment));
    }

    private static void RequireId(Violations violations, string field, string? id, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            violations.Add(field, $"must be 1–{MaxIdLength} characters");
        }
        else if (!seen.Add(id))
        {
            violations.Add(field, $"'{id}' is not unique");
        }
    }

    private static void RequirePosition(Violations violations, string field, Geography.GeoPosition position) =>
        violations.Require(
            double.IsFinite(position.Latitude) && double.IsFinite(position.Longitude)
            && position.Latitude is >= -90 and <= 90 && position.Longitude is >= -180 and <= 180,
            field,
            "must be a latitude in [-90, 90] and a longitude in [-180, 180]");
}
