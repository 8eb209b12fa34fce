using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Domain.Parameters;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Travel;

/// <summary>The forecast counts each dialogue's trip as the slot search books it: its hours, and its nights away per month.</summary>
public sealed class ForecastTravelTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    private static ForecastInput Build(string officeId, string officeKommun, string kommunkod, DateOnly booked)
    {
        var office = new ForecastOffice(officeId, officeKommun, Sweden.Kommun(officeKommun).Position, WorldSeed.DefaultAdvisors(officeId, 4), []);
        ForecastHuvudman[] huvudman = [new("h-" + kommunkod, officeId, Sweden.Kommun(kommunkod).Position, 500, null, booked, kommunkod)];
        return ForecastInputBuilder.Build(2027, 1, 7, 6, 100, ForecastParameters.Default, [office], huvudman, PlanningParameters.Default, SchoolHolidayCalendar.Create(Sweden));
    }

    [Fact]
    public void A_booked_trip_with_a_night_away_shows_its_nights_in_its_month()
    {
        var input = Build("lulea", "2580", "2584", new DateOnly(2027, 3, 16));

        // Half of the dialogues on site, two advisors, one night: one advisor night expected in March.
        var nights = input.Offices.Single().DueNightsAway!;
        Assert.Equal([0, 0, 1, 0, 0, 0], nights);
        var forecast = CapacityForecaster.Run(input);
        Assert.Equal(1, forecast.Offices.Single().Months[2].NightsAway, 9);
        Assert.Equal(1, forecast.National.Months[2].NightsAway, 9);
    }

    [Fact]
    public void A_Gotland_dialogue_is_forecast_with_the_ferry_hours()
    {
        var input = Build("solna", "0184", "0980", new DateOnly(2027, 3, 16));
        var workload = WorkloadModel.Default;
        var trip = workload.Trip(Sweden.Kommun("0184").Position, Sweden.Kommun("0980").Position, "0980", 500);

        var hours = input.Offices.Single().Huvudman.Single().HoursPerDialogue;

        Assert.Equal(workload.ExpectedAdvisorHoursPerDialogue(500, trip), hours, 9);
        Assert.True(hours > workload.ExpectedAdvisorHoursPerDialogue(500, Sweden.Kommun("0184").Position.DistanceKmTo(Sweden.Kommun("0980").Position)));
    }
}
