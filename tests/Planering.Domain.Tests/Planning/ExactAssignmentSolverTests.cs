using Planering.Domain.Geography;
using Planering.Domain.Planning;

namespace Planering.Domain.Tests.Planning;

public sealed class ExactAssignmentSolverTests
{
    /// <summary>
    /// Medium instances (60–120 huvudmän, 4–5 offices, tight or overloaded): the exact solver proves its optimum, which
    /// is no better than the balancer's by more than 0.5 %, and the relaxation bound is below both. (Seeds picked among
    /// those the search proves in well under a second, to keep the suite fast.)
    /// </summary>
    [Theory]
    [InlineData(60, 4, 0.95, 1)]
    [InlineData(80, 4, 0.9, 3)]
    [InlineData(100, 5, 0.97, 5)]
    [InlineData(60, 4, 1.1, 3)]
    [InlineData(120, 5, 0.95, 6)]
    public void The_balancer_is_within_half_a_percent_of_the_proven_optimum(int huvudman, int offices, double utilisation, int seed)
    {
        var problem = Instances.Random(seed, huvudman, offices, utilisation);

        var exact = new ExactAssignmentSolver().Solve(problem);
        var balanced = LoadBalancer.Solve(problem);

        Assert.True(exact.IsProvenOptimal);
        Assert.Equal(1.0, exact.GapRatio, 6);
        Assert.Equal(exact.Best.Cost.OverloadHours, balanced.Cost.OverloadHours, 6);
        Assert.True(balanced.Cost.Total >= exact.Best.Cost.Total - 1e-6);
        Assert.True(balanced.Cost.Total <= 1.005 * exact.Best.Cost.Total, $"{balanced.Cost.Total} vs {exact.Best.Cost.Total}");
        Assert.True(exact.RelaxationBound.Total <= exact.Best.Cost.Total + 1e-6);
    }

    /// <summary>With a node limit of one the search cannot finish: it says so and still returns a valid bound.</summary>
    [Fact]
    public void A_search_stopped_by_the_node_limit_reports_a_bound_instead_of_a_proof()
    {
        var problem = Instances.Random(11, 150, 6, 0.95);

        var result = new ExactAssignmentSolver(nodeLimit: 1).Solve(problem);
        var proven = new ExactAssignmentSolver().Solve(Instances.Random(12, 12, 3, 0.95));

        Assert.False(result.IsProvenOptimal);
        Assert.True(result.LowerBound.Total <= result.Best.Cost.Total);
        Assert.True(result.GapRatio >= 1.0);
        Assert.True(proven.IsProvenOptimal);
    }

    /// <summary>
    /// Equal demands make the relaxation integral (a transportation problem with integer capacities in units of one
    /// huvudman), so the bound is the optimum itself: 9 huvudmän of 10 h, offices of 30 h.
    /// </summary>
    [Fact]
    public void With_equal_demands_the_relaxation_is_the_optimum()
    {
        var random = new Random(5);
        var huvudman = Enumerable.Range(0, 9)
            .Select(i => new HuvudmanDemand($"h{i}", new GeoPosition(58 + (random.NextDouble() * 4), 13 + (random.NextDouble() * 5)), 10, 1 + random.Next(3)))
            .ToList();
        var offices = Enumerable.Range(0, 3).Select(j => new OfficeCapacity($"o{j}", new GeoPosition(58 + j, 14 + j), 30)).ToList();
        var problem = AssignmentProblem.Create(huvudman, offices, AssignmentParameters.Default with { BalancePenaltyPerHour = 0 });

        var bound = ExactAssignmentSolver.RelaxationBound(problem);
        var exact = new ExactAssignmentSolver().Solve(problem);

        Assert.Equal(BruteForce.Solve(problem).Total, exact.Best.Cost.Total, 6);
        Assert.Equal(exact.Best.Cost.Total, bound.Total, 6);
    }

    /// <summary>Zero demand loads nothing, zero weight travels nothing: both are legal and placed sensibly.</summary>
    [Fact]
    public void Zero_demand_and_zero_weight_huvudman_are_handled()
    {
        var a = new GeoPosition(60, 14);
        var b = new GeoPosition(60, 16);
        var huvudman = new[]
        {
            new HuvudmanDemand("digital", a, 10, 0),
            new HuvudmanDemand("empty", b, 0, 3),
            new HuvudmanDemand("h1", a, 10, 1),
            new HuvudmanDemand("h2", a, 10, 1),
        };
        var offices = new[] { new OfficeCapacity("a", a, 20), new OfficeCapacity("b", b, 20) };
        var problem = AssignmentProblem.Create(huvudman, offices, AssignmentParameters.Default with { BalancePenaltyPerHour = 0 });

        var balanced = LoadBalancer.Solve(problem);
        var exact = new ExactAssignmentSolver().Solve(problem);

        // The digital one makes room at a for the two that travel; the empty one sits at b, where it is.
        Assert.Equal("b", balanced.OfficeByHuvudman["digital"]);
        Assert.Equal("b", balanced.OfficeByHuvudman["empty"]);
        Assert.Equal(0, balanced.Cost.Total, 9);
        Assert.Equal(0, exact.Best.Cost.Total, 9);
        Assert.True(exact.IsProvenOptimal);
    }
}
