using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Planning;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Planning;

/// <summary>
/// The live plan, the what-if and the ranking build their problem with <see cref="PlanningWorld.Problem"/>: an office
/// with fewer advisors than a dialogue takes is left out, takes nobody, and the plan says why.
/// </summary>
public sealed class OfficesWithoutDialogueCapacityTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private const int Year = 2027;

    private static readonly List<PlanningHuvudman> Huvudman = WorldSeed.Huvudman(Sweden)
        .Where(h => h.Lanskod is "24" or "22")
        .Select(h => new PlanningHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Lanskod, h.Position, h.Pupils)).ToList();

    private static PlanningWorld World(int advisorsPerDialogue) => new(
        PlanningParameters.Default with { Workload = WorkloadOptions.Default with { AdvisorsPerDialogue = advisorsPerDialogue } },
        SchoolHolidayCalendar.Create(Sweden));

    private static PlanningOffice Office(string id, string kommunkod, int advisors) =>
        new(id, kommunkod, Sweden.Kommun(kommunkod).Position, WorldSeed.DefaultAdvisors(id, advisors));

    [Fact]
    public void An_office_with_fewer_advisors_than_a_dialogue_takes_gets_no_huvudman_and_the_plan_says_why()
    {
        var world = World(2);
        var offices = new List<PlanningOffice> { Office("harnosand", "2280", 5), Office("umea", "2480", 1) };

        var problem = world.Problem(Huvudman, offices, Year, null);
        Assert.DoesNotContain(problem.Offices, o => o.OfficeId == "umea");
        var solution = LoadBalancer.Solve(problem);
        Assert.All(solution.Assignments, a => Assert.Equal("harnosand", a.OfficeId));

        var report = world.Report(problem, solution, Huvudman, offices, Year);
        var umea = Assert.Single(report.Offices, o => o.OfficeId == "umea");
        Assert.Equal((0, 0.0, LoadStatus.NoCapacity), (umea.HuvudmanCount, umea.DialogueCapacityPerYear, umea.Status));
        Assert.Contains("1 rådgivare", umea.NoCapacityReason, StringComparison.Ordinal);
        Assert.Contains("advisors_per_dialogue", umea.NoCapacityReason, StringComparison.Ordinal);
        Assert.Equal(["umea"], world.Excluded(offices, Year).Select(e => e.OfficeId));
        // The national figures are the offices that plan: the left-out office's hours do not count as capacity.
        Assert.Equal(report.Offices.Single(o => o.OfficeId == "harnosand").CapacityHours, report.CapacityHours);

        // The ranking's screening of such a site moves nobody.
        var live = solution.OfficeByHuvudman;
        Assert.Equal(live, SiteScreening.Open(problem, live, "umea"));
    }

    [Fact]
    public void With_one_advisor_per_dialogue_the_same_office_plans_and_takes_its_nearest_huvudman()
    {
        var world = World(1);
        var offices = new List<PlanningOffice> { Office("harnosand", "2280", 5), Office("umea", "2480", 1) };

        var problem = world.Problem(Huvudman, offices, Year, null);
        var report = world.Report(problem, LoadBalancer.Solve(problem), Huvudman, offices, Year);

        var umea = Assert.Single(report.Offices, o => o.OfficeId == "umea");
        Assert.True(umea.HuvudmanCount > 0);
        Assert.Null(umea.NoCapacityReason);
        Assert.Empty(world.Excluded(offices, Year));
    }
}
