using Google.OrTools.Sat;
using Planering.Domain.Planning;

namespace Planering.Domain.Tests.Planning;

/// <summary>
/// An independent oracle for the assignment solver: the same model (AssignmentProblem's remarks) written for Google's
/// CP-SAT, solved under a time limit, and both assignments scored by the project's own evaluator. Instances where
/// capacity binds (U = 0.92: every office near full, so balancing decides), where a solver that only follows travel
/// fails. The production solver must respect every capacity, cost at most 0.5 % more than CP-SAT's best (the
/// solver's own target against the optimum, BENCHMARKS.md), and never less than CP-SAT's proven lower bound (which
/// would mean the evaluator and the model disagree). CP-SAT runs on one worker under a deterministic time limit, so
/// the oracle's answer is the same on a busy machine and a quiet one.
/// </summary>
public sealed class CpSatOracleTests
{
    /// <summary>Costs are scaled to integers for CP-SAT: 1/100 of a cost unit is far below any difference that matters.</summary>
    private const double Scale = 100;

    [Theory]
    [InlineData(1701, 100, 5)]
    [InlineData(1702, 300, 6)]
    public void The_solver_is_within_half_a_percent_of_cp_sat_where_capacity_binds(int seed, int huvudman, int offices)
    {
        var problem = Instances.Random(seed, huvudman, offices, utilisation: 0.92);
        var production = LoadBalancer.Solve(problem);
        var (oracleAssignment, optimal, bound) = SolveWithCpSat(problem, deterministicSeconds: 3);
        var oracle = problem.Evaluate(oracleAssignment);

        Assert.True(oracle.IsFeasible, "CP-SAT's assignment must respect every capacity (the instance is feasible)");
        Assert.True(production.IsFeasible, "the solver must respect every capacity where an assignment that does exists");
        // Rounding to CP-SAT's integers moves a travel term by at most half a unit of 1/Scale and a balance target by one,
        // which λ weighs: the tolerance covers both, and is far below the cost of moving one huvudman.
        var tolerance = 1e-6 * Math.Max(1, oracle.Cost.Total) + ((problem.Huvudman.Count + (problem.Offices.Count * problem.Parameters.BalancePenaltyPerHour)) / Scale);
        Assert.True(production.Cost.Total <= (oracle.Cost.Total * 1.005) + tolerance,
            $"solver Z = {production.Cost.Total:F2}, CP-SAT Z = {oracle.Cost.Total:F2} (optimal: {optimal})");

        // CP-SAT's lower bound holds for every assignment: nothing, the solver's included, can beat it.
        Assert.True(production.Cost.Total >= (bound / Scale) - tolerance, $"solver Z = {production.Cost.Total:F2} below CP-SAT's bound {bound / Scale:F2}");
    }

    /// <summary>The model of AssignmentProblem in CP-SAT: one office per huvudman, L_j ≤ C_j, Z = travel + λ·Σ max(0, L_j − T_j).</summary>
    private static (Dictionary<string, string> Assignment, bool Optimal, double Bound) SolveWithCpSat(AssignmentProblem problem, double deterministicSeconds)
    {
        var p = problem.Parameters;
        var model = new CpModel();
        var n = problem.Huvudman.Count;
        var m = problem.Offices.Count;
        var x = new BoolVar[n, m];
        var objective = LinearExpr.NewBuilder();
        for (var i = 0; i < n; i++)
        {
            var h = problem.Huvudman[i];
            var row = new BoolVar[m];
            for (var j = 0; j < m; j++)
            {
                x[i, j] = row[j] = model.NewBoolVar($"x{i}_{j}");
                var travel = p.TravelCostPerKm * h.TravelWeight * problem.RoadKm(h, problem.Offices[j]);
                objective.AddTerm(x[i, j], (long)Math.Round(travel * Scale));
            }

            model.AddExactlyOne(row);
        }

        for (var j = 0; j < m; j++)
        {
            var office = problem.Offices[j];
            var load = LinearExpr.NewBuilder();
            for (var i = 0; i < n; i++)
            {
                load.AddTerm(x[i, j], (long)Math.Round(problem.Huvudman[i].DemandHours * Scale));
            }

            // Capacity is hard (the instances are feasible); hours above the balance target cost λ each.
            model.Add(load <= (long)Math.Floor(office.CapacityHours * Scale));
            var target = (long)Math.Floor(problem.BalanceTargetHours(office) * Scale);
            var above = model.NewIntVar(0, (long)Math.Ceiling(problem.TotalDemandHours * Scale), $"above{j}");
            model.Add(above >= load - target);
            objective.AddTerm(above, (long)Math.Round(p.BalancePenaltyPerHour));
        }

        model.Minimize(objective);
        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"max_deterministic_time:{deterministicSeconds};num_workers:1;random_seed:17"),
        };
        var status = solver.Solve(model);
        Assert.True(status is CpSolverStatus.Optimal or CpSolverStatus.Feasible, $"CP-SAT found no assignment: {status}");

        var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (solver.BooleanValue(x[i, j]))
                {
                    assignment[problem.Huvudman[i].HuvudmanId] = problem.Offices[j].OfficeId;
                }
            }
        }

        return (assignment, status == CpSolverStatus.Optimal, solver.BestObjectiveBound);
    }
}
