using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Planning;

namespace Planering.Domain.Tests.Planning;

public sealed class AssignmentProblemTests
{
    private static readonly GeoPosition Stockholm = new(59.33, 18.07);
    private static readonly GeoPosition Uppsala = new(59.86, 17.64);

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var huvudman = new[]
        {
            new HuvudmanDemand("h1", Stockholm, -1, 1),
            new HuvudmanDemand("h1", new GeoPosition(91, 0), 10, double.NaN),
            new HuvudmanDemand(" ", Stockholm, double.PositiveInfinity, 1),
        };
        var offices = new[] { new OfficeCapacity("solna", Stockholm, 0), new OfficeCapacity("solna", Uppsala, 10) };
        var parameters = new AssignmentParameters(RoadFactor: 0.9, TravelCostPerKm: -1, BalanceSlack: -0.1, BalancePenaltyPerHour: -1, MovePenalty: double.NaN, BalanceFloor: double.NaN);

        var error = Assert.Throws<PlaneringException>(() => AssignmentProblem.Create(huvudman, offices, parameters));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        var fields = error.Violations.Select(v => v.Field).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "huvudman[0].demand_hours", "huvudman[1].huvudman_id", "huvudman[1].position", "huvudman[1].travel_weight",
                "huvudman[2].huvudman_id", "huvudman[2].demand_hours", "offices[0].capacity_hours", "offices[1].office_id",
                "parameters.road_factor", "parameters.travel_cost_per_km", "parameters.balance_slack", "parameters.balance_floor",
                "parameters.balance_penalty_per_hour", "parameters.move_penalty",
            },
            fields);
    }

    [Fact]
    public void At_least_one_office_is_required()
    {
        var error = Assert.Throws<PlaneringException>(() => AssignmentProblem.Create([new HuvudmanDemand("h1", Stockholm, 1, 1)], []));

        Assert.Contains(error.Violations, v => v.Field == "offices");
    }

    [Fact]
    public void Utilisation_targets_and_road_distance_follow_the_model()
    {
        var huvudman = new[] { new HuvudmanDemand("h1", Uppsala, 30, 2), new HuvudmanDemand("h2", Stockholm, 50, 1) };
        var offices = new[] { new OfficeCapacity("a", Stockholm, 60), new OfficeCapacity("b", Uppsala, 40) };
        var problem = AssignmentProblem.Create(huvudman, offices, new AssignmentParameters(RoadFactor: 1.3, BalanceSlack: 0.1));

        Assert.Equal(80, problem.TotalDemandHours);
        Assert.Equal(100, problem.TotalCapacityHours);
        Assert.Equal(0.8, problem.NationalUtilisation, 12);
        Assert.Equal(0.9 * 60, problem.BalanceTargetHours(offices[0]), 9);
        Assert.Equal(Uppsala.DistanceKmTo(Stockholm) * 1.3, problem.RoadKm(huvudman[0], offices[0]), 9);
    }

    /// <summary>
    /// Both at office a: load 80 h against capacity 60 and target 54 (U = 0.8, slack 0.1). Overload 20 h, balance
    /// 100 × 26 h, travel 2 trips × κ 1 × road km Uppsala–Stockholm for h1, nothing for h2; h1 was at b before: one move.
    /// </summary>
    [Fact]
    public void Evaluate_prices_every_part_of_the_objective()
    {
        var huvudman = new[] { new HuvudmanDemand("h1", Uppsala, 30, 2), new HuvudmanDemand("h2", Stockholm, 50, 1) };
        var offices = new[] { new OfficeCapacity("a", Stockholm, 60), new OfficeCapacity("b", Uppsala, 40) };
        var parameters = new AssignmentParameters(RoadFactor: 1.3, TravelCostPerKm: 1, BalanceSlack: 0.1, BalancePenaltyPerHour: 100, MovePenalty: 50);
        var problem = AssignmentProblem.Create(huvudman, offices, parameters, new Dictionary<string, string> { ["h1"] = "b", ["h2"] = "a", ["gone"] = "a" });

        var solution = problem.Evaluate(new Dictionary<string, string> { ["h1"] = "a", ["h2"] = "a" });

        var travel = 2 * Uppsala.DistanceKmTo(Stockholm) * 1.3;
        Assert.Equal(20, solution.Cost.OverloadHours, 9);
        Assert.Equal(travel, solution.Cost.Travel, 9);
        Assert.Equal(100 * 26, solution.Cost.Balance, 9);
        Assert.Equal(50, solution.Cost.Moves, 9);
        Assert.Equal(travel + 2600 + 50, solution.Cost.Total, 9);
        Assert.Equal(1, solution.MovedCount);
        Assert.False(solution.IsFeasible);
        Assert.Equal(2, problem.Previous.Count);
        var a = solution.Offices.Single(o => o.OfficeId == "a");
        Assert.Equal((80.0, 2, 80.0 / 60), (a.LoadHours, a.HuvudmanCount, a.Utilisation));
        Assert.Equal(20, a.OverloadHours, 9);
        Assert.True(solution.Assignments[0].Moved);
        Assert.False(solution.Assignments[1].Moved);
    }

    [Fact]
    public void Evaluate_refuses_an_incomplete_or_unknown_assignment()
    {
        var problem = AssignmentProblem.Create(
            [new HuvudmanDemand("h1", Uppsala, 30, 2), new HuvudmanDemand("h2", Stockholm, 50, 1)],
            [new OfficeCapacity("a", Stockholm, 60)]);

        var error = Assert.Throws<PlaneringException>(() => problem.Evaluate(new Dictionary<string, string> { ["h1"] = "nowhere" }));

        Assert.Equal(2, error.Violations.Count);
    }
}
