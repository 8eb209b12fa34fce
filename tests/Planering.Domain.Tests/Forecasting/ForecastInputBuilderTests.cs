using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Forecasting;

public sealed class ForecastInputBuilderTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    [Fact]
    public void Due_months_come_from_bookings_history_or_an_even_spread_over_the_first_cycle()
    {
        var office = new ForecastOffice("solna", "0184", Sweden.Kommun("0184").Position, WorldSeed.DefaultAdvisors("solna", 2), []);
        var position = Sweden.Kommun("0180").Position;
        ForecastHuvudman[] huvudman =
        [
            new("a", "solna", position, 500, null, new DateOnly(2027, 3, 8)),
            new("b", "solna", position, 500, new DateOnly(2025, 2, 3), null),
            new("c", "solna", position, 500, null, null),
        ];

        var input = ForecastInputBuilder.Build(2027, 1, 7, 24, 100, ForecastParameters.Default, [office], huvudman,
            WorkloadModel.Default, new CapacityModel(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(Sweden)));

        var demands = Assert.Single(input.Offices).Huvudman;
        Assert.Equal((2, 2), (demands[0].NextDueMonth, demands[0].BookedMonth!.Value));
        Assert.Equal(ForecastInputBuilder.MonthIndex(new DateOnly(2027, 1, 1), new DateOnly(2028, 2, 3)), demands[1].NextDueMonth);
        Assert.Null(demands[1].BookedMonth);
        Assert.InRange(demands[2].NextDueMonth, 0, 35);

        // 500 pupils at 5 km: 2 h × 2 advisors + 6 h preparation digitally; on site adds 2 × 2 × travel.
        var travel = WorkloadModel.Default.TravelHoursOneWay(position.DistanceKmTo(office.Position));
        Assert.Equal(10 + (0.5 * 4 * travel), demands[0].HoursPerDialogue, 9);
        Assert.Equal(24, input.Offices[0].CapacityHours.Count);
    }
}
