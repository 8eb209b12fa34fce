using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Planning;

/// <summary>The what-if of opening an office: before is the live plan as it stands, after re-solves it with the office.</summary>
public sealed class OpenOfficeScenarioTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly PlanningWorld World = new(PlanningParameters.Default, SchoolHolidayCalendar.Create(Sweden));

    private static PlanningOffice Office(string officeId, string kommunkod, int advisors) =>
        new(officeId, kommunkod, Sweden.Kommun(kommunkod).Position, Staffing.FullTime(officeId, advisors));

    private static PlanningHuvudman Kommun(string kommunkod) =>
        new($"h-{kommunkod}", kommunkod, kommunkod, Sweden.Kommun(kommunkod).Lanskod, Sweden.Kommun(kommunkod).Position, 500);

    [Fact]
    public void Opening_an_office_in_the_south_moves_the_southern_huvudman_to_it_and_before_is_the_live_assignment_as_it_stands()
    {
        var lulea = Office("lulea", "2580", 4);
        var huvudman = new[] { Kommun("2580"), Kommun("1280"), Kommun("1283") };
        // The live plan has everyone at Luleå, as if Luleå had been the only office when they registered.
        var live = huvudman.ToDictionary(h => h.Id, _ => "lulea", StringComparer.Ordinal);
        var malmo = Office("malmo", "1280", 2);

        var outcome = OpenOfficeScenario.Run(World, World, huvudman, [lulea], live, malmo, advisorsPerOffice: 0, 2027, Sweden.Lan);

        Assert.Equal(3, Assert.Single(outcome.Before.Offices).HuvudmanCount);
        Assert.Equal(["lulea", "malmo"], outcome.Offices.Select(o => o.OfficeId));
        Assert.Equal("lulea", outcome.AfterSolution.OfficeByHuvudman["h-2580"]);
        Assert.Equal("malmo", outcome.AfterSolution.OfficeByHuvudman["h-1280"]);
        Assert.Equal("malmo", outcome.AfterSolution.OfficeByHuvudman["h-1283"]);
        Assert.Equal(["h-1280", "h-1283"], outcome.Comparison.Reassigned.Select(r => r.HuvudmanId).Order(StringComparer.Ordinal));
        Assert.All(outcome.Comparison.Reassigned, r => Assert.Equal(("lulea", "malmo"), (r.FromOfficeId, r.ToOfficeId)));
        Assert.All(outcome.Comparison.Reassigned, r => Assert.True(r.RoadKmAfter < r.RoadKmBefore / 10, $"{r.RoadKmBefore} → {r.RoadKmAfter} km"));
        Assert.Equal(2, outcome.After.Offices.Single(o => o.OfficeId == "malmo").HuvudmanCount);
        Assert.Equal(2, outcome.Comparison.LanEffects.Single(e => e.Lanskod == "12").HuvudmanReassigned);
    }

    [Fact]
    public void A_staff_per_office_restaffs_every_live_office_with_full_time_advisors_and_keeps_the_new_offices_own()
    {
        var lulea = Office("lulea", "2580", 4) with { Advisors = [new Advisor("lulea-x", "Deltid", 0.5, Staffing.Weekdays, [])] };
        var malmo = Office("malmo", "1280", 2);

        var offices = OpenOfficeScenario.Offices([lulea], malmo, advisorsPerOffice: 3);

        Assert.Equal(["lulea-1", "lulea-2", "lulea-3"], offices[0].Advisors.Select(a => a.AdvisorId));
        Assert.All(offices[0].Advisors, a => Assert.Equal(1.0, a.Fte));
        Assert.Same(malmo, offices[1]);
        Assert.Same(lulea, OpenOfficeScenario.Offices([lulea], malmo, advisorsPerOffice: 0)[0]);
    }

    [Fact]
    public void The_year_is_this_year_or_the_opening_year_when_later()
    {
        Assert.Equal(2026, OpenOfficeScenario.Year(new DateOnly(2026, 11, 23), null));
        Assert.Equal(2026, OpenOfficeScenario.Year(new DateOnly(2026, 11, 23), new DateOnly(2025, 1, 1)));
        Assert.Equal(2028, OpenOfficeScenario.Year(new DateOnly(2026, 11, 23), new DateOnly(2028, 8, 1)));
    }

    [Fact]
    public void Full_time_staff_is_that_many_advisors_named_after_the_prefix_working_monday_to_friday()
    {
        var staff = Staffing.FullTime("umea", 2);

        Assert.Equal([("umea-1", "Rådgivare 1"), ("umea-2", "Rådgivare 2")], staff.Select(a => (a.AdvisorId, a.Name)));
        Assert.All(staff, a => Assert.Equal((1.0, 5), (a.Fte, a.WorkingDays.Count)));
        Assert.Same(staff, Staffing.Validate(staff));
        Assert.Empty(Staffing.FullTime("umea", 0));
    }
}
