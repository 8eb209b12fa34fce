using Planering.Domain.Geography;
using Planering.Domain.Planning;

namespace Planering.Domain.Tests.Planning;

/// <summary>Small instances whose optimum is worked out by hand in the comments, then confirmed by enumeration.</summary>
public sealed class HandCheckedInstanceTests
{
    // Three offices 1° of longitude apart at 60° N (about 111 km between neighbours); road factor 1 keeps it readable.
    private static readonly GeoPosition A = new(60.0, 14.0);
    private static readonly GeoPosition B = new(60.0, 16.0);
    private static readonly GeoPosition C = new(60.0, 18.0);
    private static readonly GeoPosition TowardB = new(60.0, 14.6);

    private static readonly AssignmentParameters Plain = new(RoadFactor: 1.0, TravelCostPerKm: 1.0, BalanceSlack: 0.1, BalancePenaltyPerHour: 0, MovePenalty: 0, BalanceFloor: 0);

    /// <summary>
    /// Ten huvudmän of 10 h: four by office a (a1 visited only every fifth year, a4 a third of the way to b), three at b,
    /// three at c. Office a holds 30 h, b and c 40 h. One of a's four must leave: moving a1 to b adds 0.2 × 111 ≈ 22 km,
    /// moving a4 to b adds 78 − 33 = 44 km, moving a2 or a3 adds 111 km. So a1 goes to b; cost 0.2·d(a1,b) + d(a4,a).
    /// </summary>
    [Fact]
    public void Capacity_pushes_out_the_huvudman_that_is_cheapest_to_move()
    {
        var problem = ThreeOffices(capacityA: 30);

        var solution = LoadBalancer.Solve(problem);

        var expected = new Dictionary<string, string>
        {
            ["a1"] = "b", ["a2"] = "a", ["a3"] = "a", ["a4"] = "a",
            ["b1"] = "b", ["b2"] = "b", ["b3"] = "b",
            ["c1"] = "c", ["c2"] = "c", ["c3"] = "c",
        };
        Assert.Equal(expected, solution.OfficeByHuvudman);
        var expectedCost = (0.2 * A.DistanceKmTo(B)) + TowardB.DistanceKmTo(A);
        Assert.Equal(expectedCost, solution.Cost.Total, 6);
        Assert.True(solution.IsFeasible);
        Assert.Equal([30.0, 40.0, 30.0], solution.Offices.Select(o => o.LoadHours));

        var optimum = BruteForce.Solve(problem);
        Assert.Equal(optimum.Total, solution.Cost.Total, 6);
        Assert.Equal(expected, optimum.Assignment);
    }

    /// <summary>With room for all four at a (40 h), nobody travels except a4's 33 km.</summary>
    [Fact]
    public void Without_the_capacity_limit_everyone_goes_to_the_nearest_office()
    {
        var problem = ThreeOffices(capacityA: 40);

        var solution = LoadBalancer.Solve(problem);

        Assert.All(solution.Assignments, a => Assert.Equal(a.HuvudmanId[..1], a.OfficeId));
        Assert.Equal(TowardB.DistanceKmTo(A), solution.Cost.Total, 6);
    }

    /// <summary>
    /// Balance: four huvudmän of 10 h at office a, none near b; both hold 40 h, so U = 0.5 and with 10 points slack the
    /// target is 24 h. All at a costs 16 h × λ = 1,600. Each move to b costs 111 km; the first saves 10 h × 100, the
    /// second the remaining 6 h × 100 = 600; a third would put b 6 h over its target. So exactly two move, cost 2 × 111 km.
    /// </summary>
    [Fact]
    public void Balance_penalty_moves_load_until_the_saving_no_longer_pays_for_the_travel()
    {
        var huvudman = Enumerable.Range(1, 4).Select(k => new HuvudmanDemand($"a{k}", A, 10, 1));
        var offices = new[] { new OfficeCapacity("a", A, 40), new OfficeCapacity("b", B, 40) };
        var parameters = Plain with { BalancePenaltyPerHour = 100 };
        var problem = AssignmentProblem.Create(huvudman, offices, parameters);

        var solution = LoadBalancer.Solve(problem);

        Assert.Equal(24, problem.BalanceTargetHours(offices[0]), 9);
        Assert.Equal([20.0, 20.0], solution.Offices.Select(o => o.LoadHours));
        Assert.Equal(2 * A.DistanceKmTo(B), solution.Cost.Total, 6);
        Assert.Equal(0, solution.Cost.Balance, 9);
        Assert.Equal(BruteForce.Solve(problem).Total, solution.Cost.Total, 6);
    }

    /// <summary>
    /// Three huvudmän of 10 h by a, offices a and b of 40 h each 111 km apart: U = 0.375. With the slack alone the target
    /// is 47.5 % of 40 = 19 h, so 30 h at a costs 11 h × 100 and one huvudman moves to b (111 km is cheaper). With a
    /// floor of 75 % the target is 30 h: a is not relieved at the cost of travel, and nobody moves.
    /// </summary>
    [Fact]
    public void Below_the_balance_floor_no_load_moves_for_balance()
    {
        var huvudman = Enumerable.Range(1, 3).Select(k => new HuvudmanDemand($"a{k}", A, 10, 1)).ToList();
        var offices = new[] { new OfficeCapacity("a", A, 40), new OfficeCapacity("b", B, 40) };
        var slackOnly = AssignmentProblem.Create(huvudman, offices, Plain with { BalancePenaltyPerHour = 100 });
        var floored = AssignmentProblem.Create(huvudman, offices, Plain with { BalancePenaltyPerHour = 100, BalanceFloor = 0.75 });

        Assert.Equal(19, slackOnly.BalanceTargetHours(offices[0]), 9);
        Assert.Equal(30, floored.BalanceTargetHours(offices[0]), 9);
        Assert.Equal([20.0, 10.0], LoadBalancer.Solve(slackOnly).Offices.Select(o => o.LoadHours));
        var solution = LoadBalancer.Solve(floored);
        Assert.Equal([30.0, 0.0], solution.Offices.Select(o => o.LoadHours));
        Assert.Equal(0, solution.Cost.Total, 9);
        Assert.Equal(BruteForce.Solve(floored).Total, solution.Cost.Total, 6);
    }

    /// <summary>
    /// Three huvudmän of 8 h, two offices of 10 h: no assignment fits. The least overload is 6 h (16 h at one office, 8 h at
    /// the other); putting all three together would overload by 14 h. The solver reports it and does not throw.
    /// </summary>
    [Fact]
    public void Infeasible_instance_minimises_and_reports_the_overload()
    {
        var huvudman = new[]
        {
            new HuvudmanDemand("x1", A, 8, 1), new HuvudmanDemand("x2", A, 8, 1), new HuvudmanDemand("x3", A, 8, 1),
        };
        var offices = new[] { new OfficeCapacity("a", A, 10), new OfficeCapacity("b", B, 10) };
        var problem = AssignmentProblem.Create(huvudman, offices, Plain);

        var balanced = LoadBalancer.Solve(problem);
        var exact = new ExactAssignmentSolver().Solve(problem);

        Assert.False(balanced.IsFeasible);
        Assert.Equal(6, balanced.Cost.OverloadHours, 9);
        Assert.Equal([16.0, 8.0], balanced.Offices.Select(o => o.LoadHours));
        Assert.Equal(A.DistanceKmTo(B), balanced.Cost.Total, 6);
        Assert.True(exact.IsProvenOptimal);
        Assert.Equal(6, exact.Best.Cost.OverloadHours, 9);
        Assert.Equal(balanced.Cost.Total, exact.Best.Cost.Total, 6);
    }

    private static AssignmentProblem ThreeOffices(double capacityA)
    {
        var huvudman = new[]
        {
            new HuvudmanDemand("a1", A, 10, 0.2),
            new HuvudmanDemand("a2", A, 10, 1),
            new HuvudmanDemand("a3", A, 10, 1),
            new HuvudmanDemand("a4", TowardB, 10, 1),
            new HuvudmanDemand("b1", B, 10, 1),
            new HuvudmanDemand("b2", B, 10, 1),
            new HuvudmanDemand("b3", B, 10, 1),
            new HuvudmanDemand("c1", C, 10, 1),
            new HuvudmanDemand("c2", C, 10, 1),
            new HuvudmanDemand("c3", C, 10, 1),
        };
        var offices = new[] { new OfficeCapacity("a", A, capacityA), new OfficeCapacity("b", B, 40), new OfficeCapacity("c", C, 40) };
        return AssignmentProblem.Create(huvudman, offices, Plain);
    }
}
