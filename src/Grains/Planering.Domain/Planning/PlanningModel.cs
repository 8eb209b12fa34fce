using Planering.Domain.Errors;

namespace Planering.Domain.Planning;

/// <summary>
/// An <see cref="AssignmentProblem"/> turned into flat arrays for the solvers: huvudmän ("items") and offices sorted by
/// id, so that index order is id order and every "first best" choice breaks ties by id; the cost matrix with travel and
/// move penalty folded in; targets and capacities. The one place the objective is evaluated, so heuristic, exact solver
/// and <see cref="AssignmentProblem.Evaluate"/> can never disagree about a cost.
/// </summary>
internal sealed class PlanningModel
{
    private const int NoPrevious = -1;
    private const int PreviousOfficeClosed = -2;

    private readonly int[] _itemToProblem;
    private readonly int[] _officeToProblem;
    private readonly double[] _roadKm;
    private readonly double[] _travel;
    private readonly int[] _previous;

    private PlanningModel(AssignmentProblem problem)
    {
        Problem = problem;
        _itemToProblem = Enumerable.Range(0, problem.Huvudman.Count)
            .OrderBy(i => problem.Huvudman[i].HuvudmanId, StringComparer.Ordinal).ToArray();
        _officeToProblem = Enumerable.Range(0, problem.Offices.Count)
            .OrderBy(j => problem.Offices[j].OfficeId, StringComparer.Ordinal).ToArray();
        ItemCount = _itemToProblem.Length;
        OfficeCount = _officeToProblem.Length;
        var n = ItemCount;
        var m = OfficeCount;
        var parameters = problem.Parameters;

        OfficeIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        Capacity = new double[m];
        Target = new double[m];
        for (var j = 0; j < m; j++)
        {
            var office = problem.Offices[_officeToProblem[j]];
            OfficeIndexById[office.OfficeId] = j;
            Capacity[j] = office.CapacityHours;
            Target[j] = problem.BalanceTargetHours(office);
        }

        Demand = new double[n];
        _roadKm = new double[n * m];
        _travel = new double[n * m];
        Cost = new double[n * m];
        _previous = new int[n];
        BalancePenalty = parameters.BalancePenaltyPerHour;
        MovePenalty = parameters.MovePenalty;
        var costScale = 0.0;
        for (var i = 0; i < n; i++)
        {
            var huvudman = problem.Huvudman[_itemToProblem[i]];
            Demand[i] = huvudman.DemandHours;
            _previous[i] = !problem.Previous.TryGetValue(huvudman.HuvudmanId, out var previousId) ? NoPrevious
                : OfficeIndexById.TryGetValue(previousId, out var previousIndex) ? previousIndex
                : PreviousOfficeClosed;
            var largest = 0.0;
            for (var j = 0; j < m; j++)
            {
                var k = (i * m) + j;
                _roadKm[k] = problem.RoadKm(huvudman, problem.Offices[_officeToProblem[j]]);
                _travel[k] = parameters.TravelCostPerKm * huvudman.TravelWeight * _roadKm[k];
                Cost[k] = _travel[k] + (IsMove(i, j) ? MovePenalty : 0.0);
                largest = Math.Max(largest, Cost[k]);
            }

            costScale += largest;
        }

        costScale += BalancePenalty * problem.TotalDemandHours;
        // Loads are sums of up to n doubles and costs sums of up to n + m terms; a billionth of the scale is far above
        // their rounding error and far below anything a planner could care about.
        OverloadTolerance = (1e-9 * (problem.TotalDemandHours + problem.TotalCapacityHours)) + 1e-9;
        CostTolerance = (1e-9 * costScale) + 1e-9;
    }

    public AssignmentProblem Problem { get; }

    public int ItemCount { get; }

    public int OfficeCount { get; }

    /// <summary>d_i by item index.</summary>
    public double[] Demand { get; }

    /// <summary>Travel plus move penalty of item i at office j, at [i * OfficeCount + j].</summary>
    public double[] Cost { get; }

    public double[] Capacity { get; }

    public double[] Target { get; }

    public double BalancePenalty { get; }

    public double MovePenalty { get; }

    public double OverloadTolerance { get; }

    public double CostTolerance { get; }

    public Dictionary<string, int> OfficeIndexById { get; }

    public static PlanningModel Build(AssignmentProblem problem) => new(problem);

    /// <summary>The office item i was at before, or -1 when it had none that still exists.</summary>
    public int PreviousOffice(int item) => _previous[item] >= 0 ? _previous[item] : NoPrevious;

    public bool IsMove(int item, int office) =>
        _previous[item] == PreviousOfficeClosed || (_previous[item] >= 0 && _previous[item] != office);

    /// <summary>The office part of the objective at a load: (max(0, L − C_j), λ·max(0, L − T_j)).</summary>
    public LexCost OfficeCost(int office, double load) =>
        new(Math.Max(0, load - Capacity[office]), BalancePenalty * Math.Max(0, load - Target[office]));

    /// <summary>How the office part changes when <paramref name="change"/> hours are added at <paramref name="load"/>.</summary>
    public LexCost OfficeDelta(int office, double load, double change) =>
        OfficeCost(office, load + change) - OfficeCost(office, load);

    public bool ClearlyLess(LexCost a, LexCost b) => LexCost.ClearlyLess(a, b, OverloadTolerance, CostTolerance);

    /// <summary>
    /// Lexicographic order in which overloads within rounding noise count as equal, so the cost decides: an exact
    /// comparison would let a 1e-12 h difference in summed loads outrank any difference in cost.
    /// </summary>
    public bool Less(LexCost a, LexCost b) =>
        Math.Abs(a.Overload - b.Overload) > OverloadTolerance ? a.Overload < b.Overload : a.Cost < b.Cost;

    /// <summary>The cheapest office for an item when load does not matter (ties by office id).</summary>
    public int CheapestOffice(int item)
    {
        var best = 0;
        var row = item * OfficeCount;
        for (var j = 1; j < OfficeCount; j++)
        {
            if (Cost[row + j] < Cost[row + best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>Loads of an assignment, summed in item order (so the same assignment always gives the same bits).</summary>
    public double[] Loads(int[] assignment)
    {
        var loads = new double[OfficeCount];
        for (var i = 0; i < ItemCount; i++)
        {
            loads[assignment[i]] += Demand[i];
        }

        return loads;
    }

    public LexCost Evaluate(int[] assignment)
    {
        var cost = 0.0;
        for (var i = 0; i < ItemCount; i++)
        {
            cost += Cost[(i * OfficeCount) + assignment[i]];
        }

        var total = new LexCost(0, cost);
        var loads = Loads(assignment);
        for (var j = 0; j < OfficeCount; j++)
        {
            total += OfficeCost(j, loads[j]);
        }

        return total;
    }

    public int[] FromDictionary(IReadOnlyDictionary<string, string> assignment)
    {
        var violations = new Violations();
        var result = new int[ItemCount];
        for (var i = 0; i < ItemCount; i++)
        {
            var id = Problem.Huvudman[_itemToProblem[i]].HuvudmanId;
            if (!assignment.TryGetValue(id, out var officeId))
            {
                violations.Add("assignment", $"huvudman '{id}' is not assigned");
            }
            else if (!OfficeIndexById.TryGetValue(officeId, out result[i]))
            {
                violations.Add("assignment", $"huvudman '{id}' is assigned to unknown office '{officeId}'");
            }
        }

        violations.ThrowIfAny();
        return result;
    }

    public AssignmentSolution ToSolution(int[] assignment)
    {
        var m = OfficeCount;
        var loads = Loads(assignment);
        var counts = new int[m];
        var byProblemIndex = new HuvudmanAssignment[ItemCount];
        var travel = 0.0;
        var moved = 0;
        for (var i = 0; i < ItemCount; i++)
        {
            var j = assignment[i];
            counts[j]++;
            var isMove = IsMove(i, j);
            moved += isMove ? 1 : 0;
            travel += _travel[(i * m) + j];
            byProblemIndex[_itemToProblem[i]] = new HuvudmanAssignment(
                Problem.Huvudman[_itemToProblem[i]].HuvudmanId,
                Problem.Offices[_officeToProblem[j]].OfficeId,
                _roadKm[(i * m) + j],
                _travel[(i * m) + j],
                isMove);
        }

        var offices = new OfficeLoad[m];
        var overload = 0.0;
        var balance = 0.0;
        for (var j = 0; j < m; j++)
        {
            var officeCost = OfficeCost(j, loads[j]);
            overload += officeCost.Overload;
            balance += officeCost.Cost;
            offices[_officeToProblem[j]] = new OfficeLoad(
                Problem.Offices[_officeToProblem[j]].OfficeId, loads[j], Capacity[j], Target[j], counts[j]);
        }

        var cost = new AssignmentCost(overload, travel, balance, MovePenalty * moved);
        return new AssignmentSolution(byProblemIndex, offices, cost, moved, overload <= OverloadTolerance);
    }
}
