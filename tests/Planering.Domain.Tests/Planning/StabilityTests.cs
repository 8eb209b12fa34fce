using Planering.Domain.Geography;
using Planering.Domain.Planning;

namespace Planering.Domain.Tests.Planning;

/// <summary>A re-plan must not churn: moving a huvudman costs the move penalty μ, so only moves that pay for it happen.</summary>
public sealed class StabilityTests
{
    [Theory]
    [InlineData(1, 0.7)]
    [InlineData(2, 0.95)]
    [InlineData(3, 1.1)]
    [InlineData(4, 0.99)]
    public void Re_solving_unchanged_inputs_with_the_previous_plan_moves_nobody(int seed, double utilisation)
    {
        var problem = Instances.Random(seed, 120, 5, utilisation);
        var first = LoadBalancer.Solve(problem);

        var again = LoadBalancer.Solve(AssignmentProblem.Create(problem.Huvudman, problem.Offices, problem.Parameters, first.OfficeByHuvudman));

        Assert.Equal(0, again.MovedCount);
        Assert.Equal(first.OfficeByHuvudman, again.OfficeByHuvudman);
        Assert.Equal(first.Cost.Total, again.Cost.Total, 6);
    }

    [Fact]
    public void The_national_plan_re_solves_to_itself()
    {
        var first = LoadBalancer.Solve(Instances.National());

        var again = LoadBalancer.Solve(Instances.National(previous: first.OfficeByHuvudman));

        Assert.Equal(0, again.MovedCount);
        Assert.Equal(first.OfficeByHuvudman, again.OfficeByHuvudman);
    }

    /// <summary>
    /// A new office next to some huvudmän saves them travel. With μ = 0 they move; with a μ larger than any saving
    /// nobody does, because capacity is not short (U = 0.7) and only the cost would gain.
    /// </summary>
    [Fact]
    public void The_move_penalty_is_the_threshold_a_move_must_beat()
    {
        var problem = Instances.Random(7, 80, 4, 0.7);
        var first = LoadBalancer.Solve(problem);
        var offices = problem.Offices.Append(new OfficeCapacity("new", problem.Huvudman[0].Position, 200)).ToList();

        var free = LoadBalancer.Solve(AssignmentProblem.Create(
            problem.Huvudman, offices, problem.Parameters with { MovePenalty = 0 }, first.OfficeByHuvudman));
        var sticky = LoadBalancer.Solve(AssignmentProblem.Create(
            problem.Huvudman, offices, problem.Parameters with { MovePenalty = 1e7 }, first.OfficeByHuvudman));

        Assert.True(free.MovedCount > 0);
        Assert.True(free.Cost.Travel < first.Cost.Travel);
        Assert.Equal(0, sticky.MovedCount);
        Assert.Equal(first.OfficeByHuvudman, sticky.OfficeByHuvudman);
    }

    /// <summary>
    /// Every saving is below μ except closing an office: its huvudmän must go and count as moved; the others stay.
    /// </summary>
    [Fact]
    public void Huvudman_of_a_closed_office_move_and_are_counted_the_others_stay()
    {
        var problem = Instances.Random(8, 80, 4, 0.6, parameters: AssignmentParameters.Default with { MovePenalty = 1e7 });
        var first = LoadBalancer.Solve(problem);
        var closed = problem.Offices[0].OfficeId;
        var remaining = problem.Offices.Skip(1).ToList();

        var after = LoadBalancer.Solve(AssignmentProblem.Create(problem.Huvudman, remaining, problem.Parameters, first.OfficeByHuvudman));

        var wereAtClosed = first.Assignments.Where(a => a.OfficeId == closed).Select(a => a.HuvudmanId).ToHashSet();
        Assert.NotEmpty(wereAtClosed);
        Assert.Equal(wereAtClosed.Count, after.MovedCount);
        Assert.All(after.Assignments, a => Assert.Equal(wereAtClosed.Contains(a.HuvudmanId), a.Moved));
        Assert.All(after.Assignments.Where(a => !a.Moved), a => Assert.Equal(first.OfficeByHuvudman[a.HuvudmanId], a.OfficeId));
    }

    [Fact]
    public void A_newcomer_is_placed_without_moving_anyone_else()
    {
        var problem = Instances.Random(9, 60, 4, 0.8);
        var first = LoadBalancer.Solve(problem);
        var newcomer = new HuvudmanDemand("zz-new", new GeoPosition(60, 15), 20, 1);

        var after = LoadBalancer.Solve(AssignmentProblem.Create(
            problem.Huvudman.Append(newcomer), problem.Offices, problem.Parameters with { MovePenalty = 1e7 }, first.OfficeByHuvudman));

        Assert.Equal(0, after.MovedCount);
        Assert.Contains(after.Assignments, a => a.HuvudmanId == "zz-new");
    }
}
