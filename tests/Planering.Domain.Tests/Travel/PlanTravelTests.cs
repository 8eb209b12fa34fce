using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Domain.Planning;
using Planering.Domain.Travel;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Travel;

/// <summary>The plan and the what-if count travel as the slot search books it: nights away, ferry hours, road km.</summary>
public sealed class PlanTravelTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly WorkloadModel Workload = WorkloadModel.Default;
    private static readonly PlanningWorld World = new(PlanningParameters.Default, SchoolHolidayCalendar.Create(Sweden));

    private static PlanningOffice Office(string officeId)
    {
        var site = Sweden.Offices.Single(o => o.OfficeId == officeId);
        return new PlanningOffice(officeId, site.Kommunkod, site.Position, WorldSeed.DefaultAdvisors(officeId, 4));
    }

    private static PlanningHuvudman Kommun(string kommunkod) =>
        new($"h-{kommunkod}", kommunkod, kommunkod, Sweden.Kommun(kommunkod).Lanskod, Sweden.Kommun(kommunkod).Position, 500);

    private static PlanReport Plan(IReadOnlyList<PlanningHuvudman> huvudman, params PlanningOffice[] offices)
    {
        var problem = World.Problem(huvudman, offices, 2027, null);
        return World.Report(problem, LoadBalancer.Solve(problem), huvudman, offices, 2027);
    }

    [Fact]
    public void A_far_huvudman_costs_nights_away_in_the_plan_and_an_office_nearer_saves_them()
    {
        var kiruna = Kommun("2584");
        var fromLulea = Plan([kiruna], Office("lulea"));
        var trip = Workload.Trip(Office("lulea").Position, kiruna.Position, "2584", 500);

        // One night for each of two advisors on each on-site dialogue: half of one dialogue per 36-month cycle.
        Assert.Equal(TripShape.OneNight, trip.Shape);
        Assert.Equal(0.5 * 2 * 1 * 12.0 / 36, fromLulea.NightsAwayPerYear, 9);
        Assert.Equal(fromLulea.NightsAwayPerYear, fromLulea.Offices.Single().NightsAwayPerYear, 9);
        Assert.Equal(0.5 * 2 * trip.TravelMinutes / 60.0 * 12.0 / 36, fromLulea.TravelHoursPerYear, 9);

        var sameDay = Plan([Kommun("2580")], Office("lulea"));
        Assert.Equal(0, sameDay.NightsAwayPerYear);
    }

    [Fact]
    public void Gotland_is_planned_with_the_ferry_not_a_road_across_the_water()
    {
        var gotland = Kommun("0980");
        var plan = Plan([gotland], Office("solna"));
        var trip = Workload.Trip(Office("solna").Position, gotland.Position, "0980", 500);

        Assert.Equal("Nynäshamn–Visby", trip.Ferry);
        // The crossing alone is 3 h 15 min each way, more than a straight road at 80 km/h would take.
        var straightRoadHours = 2 * Workload.TravelHoursOneWay(Office("solna").Position.DistanceKmTo(gotland.Position));
        Assert.True(trip.TravelMinutes / 60.0 > straightRoadHours, $"{trip.TravelMinutes / 60.0:F1} h vs {straightRoadHours:F1} h");
        Assert.True(plan.TravelKmPerYear < 0.5 * 2 * 2 * Office("solna").Position.DistanceKmTo(gotland.Position) * Workload.Options.RoadFactor * 12.0 / 36);
        Assert.True(plan.NightsAwayPerYear > 0);
        // The hours the plan asks of the office count the same ferry trip.
        Assert.Equal(Workload.ExpectedAdvisorHoursPerDialogue(500, trip) * 12.0 / 36, plan.DemandHours, 6);
    }
}
