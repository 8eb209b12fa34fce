using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Domain.Parameters;
using Planering.Domain.Registry;
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

        // 500 pupils at 5 km: 2 h × 2 advisors + 6 h preparation digitally, the introduction's share 0.5, the feedback
        // meeting 2 and the expected SPSM coordination 0.25; on site adds 2 × 2 × travel.
        var travel = WorkloadModel.Default.TravelHoursOneWay(position.DistanceKmTo(office.Position));
        Assert.Equal(12.75 + (0.5 * 4 * travel), demands[0].HoursPerDialogue, 9);
        Assert.Equal(24, input.Offices[0].CapacityHours.Count);
    }

    [Fact]
    public void The_parameters_set_cycles_per_huvudman_and_bound_capacity_by_the_dialogue_slots()
    {
        var office = new ForecastOffice("solna", "0184", Sweden.Kommun("0184").Position, WorldSeed.DefaultAdvisors("solna", 4), []);
        var position = Sweden.Kommun("0180").Position;
        var close = OrganisationNumber.FromNineDigits("556000001").Value;
        ForecastHuvudman[] huvudman =
        [
            new(close, "solna", position, 500, new DateOnly(2026, 6, 1), null),
            new("other", "solna", position, 500, new DateOnly(2026, 6, 1), null),
        ];
        // At most 6 a week (one less than the default) so that four advisors have more hours than the slots can use.
        var parameters = PlanningParameters.Default with
        {
            HuvudmanCycleMonths = new Dictionary<string, int> { [close] = 12 },
            Workload = WorkloadOptions.Default with { MaxDialoguesPerWeek = 6 },
        };

        var input = ForecastInputBuilder.Build(2027, 1, 7, 24, 100, ForecastParameters.Default, [office], huvudman, parameters, SchoolHolidayCalendar.Create(Sweden));
        var solna = Assert.Single(input.Offices);

        Assert.Equal((12, 5), (solna.Huvudman[0].CycleMonths, solna.Huvudman[0].NextDueMonth));
        Assert.Equal((36, 29), (solna.Huvudman[1].CycleMonths, solna.Huvudman[1].NextDueMonth));
        Assert.Equal(2, solna.DueDialogues!.Sum()); // June 2027 and June 2028 for the one on a 12-month cycle; the other is due after the horizon
        for (var t = 0; t < 24; t++)
        {
            var mean = solna.Huvudman.Average(h => h.HoursPerDialogue);
            Assert.Equal(Math.Min(solna.HoursCapacity![t], solna.DialogueCapacity![t] * mean), solna.CapacityHours[t], 9);
        }

        // Four advisors give more hours than 2 a day and 6 a week can use: the slots bind.
        Assert.True(solna.CapacityHours[2] < solna.HoursCapacity![2]);
    }
}
