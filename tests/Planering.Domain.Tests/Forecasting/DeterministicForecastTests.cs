using Planering.Domain.Forecasting;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>With every variance zero the forecast is arithmetic; these tests check it against sums done by hand.</summary>
public sealed class DeterministicForecastTests
{
    private const int Digits = 5;

    [Fact]
    public void Demand_capacity_utilisation_and_backlog_match_the_hand_computation()
    {
        var forecast = CapacityForecaster.Run(Tiny(Deterministic, Alfa(), Beta()));

        // Alfa: capacity 100 · (1 − 0.1) = 90 every month.
        // m0: 40 + 30 + 40 = 110 due, 90 served, 20 carried over.  m1: 50 booked, 20 + 50 = 70 served.  m2: the cycle-2 dialogue again, 40.
        AssertMonths(forecast.Offices[0], demand: [110, 50, 40], capacity: [90, 90, 90], utilisation: [1, 70 / 90.0, 40 / 90.0], backlog: [20, 0, 0]);
        // Beta: capacity 50 · 0.9 = 45. m0: 30.  m1: the 10 h booking.  m2: nothing.
        AssertMonths(forecast.Offices[1], demand: [30, 10, 0], capacity: [45, 45, 45], utilisation: [30 / 45.0, 10 / 45.0, 0], backlog: [0, 0, 0]);
        // The nation: sums, and utilisation as served over capacity of the sums.
        AssertMonths(forecast.National, demand: [140, 60, 40], capacity: [135, 135, 135], utilisation: [120 / 135.0, 80 / 135.0, 40 / 135.0], backlog: [20, 0, 0]);

        Assert.Equal(CapacityForecast.NationalId, forecast.National.OfficeId);
        Assert.Equal(["alfa", "beta"], forecast.Offices.Select(o => o.OfficeId));
        Assert.Equal([(2027, 11), (2027, 12), (2028, 1)], forecast.National.Months.Select(m => (m.Year, m.Month)));
    }

    [Fact]
    public void The_result_echoes_method_seed_paths_and_parameters()
    {
        var input = Tiny(Deterministic, Alfa(), Beta());

        var forecast = CapacityForecaster.Run(input);

        Assert.Equal(ForecastMethod.MonteCarlo, forecast.Method);
        Assert.All(forecast.Offices.Append(forecast.National), o => Assert.Equal(ForecastMethod.MonteCarlo, o.Method));
        Assert.Equal(42, forecast.Seed);
        Assert.Equal(3, forecast.Paths);
        Assert.Equal(3, forecast.HorizonMonths);
        Assert.Equal((2027, 11), (forecast.StartYear, forecast.StartMonth));
        Assert.Same(Deterministic, forecast.Parameters);
    }

    [Fact]
    public void With_a_grace_of_one_cycle_every_huvudman_is_covered()
    {
        // Alfa's cycle-2 dialogue due in month 0 is served in month 1, within its grace (deadline month 2); the others
        // have deadlines beyond the horizon.
        var forecast = CapacityForecaster.Run(Tiny(Deterministic, Alfa(), Beta()));

        Assert.Equal(1.0, forecast.Offices[0].CoverageProbability);
        Assert.Equal(1.0, forecast.Offices[1].CoverageProbability);
        Assert.Equal(1.0, forecast.National.CoverageProbability);
    }

    [Theory]
    // The overdue dialogue (due in month −1) cannot be held by its due month: never covered.
    [InlineData(-1, 100, 0.0)]
    // Due in month 0 with 110 h due and 90 h of capacity: the last 20 h are served late.
    [InlineData(0, 100, 0.0)]
    // 120 · 0.9 = 108 h is still short of 110 h by a little.
    [InlineData(0, 120, 0.0)]
    // 125 · 0.9 = 112.5 h serves all of month 0 in month 0.
    [InlineData(0, 125, 1.0)]
    public void With_no_grace_a_huvudman_is_covered_only_when_served_by_its_due_month(int dueMonth, double capacity, double expected)
    {
        var strict = Deterministic with { CoverageGraceCycles = 0 };

        var forecast = CapacityForecaster.Run(Tiny(strict, Alfa(dueMonth, capacity), Beta()));

        Assert.Equal(expected, forecast.Offices[0].CoverageProbability);
        // Beta serves its 30 h in month 0 and its booking (due month 2) in month 1, exactly up to the hour.
        Assert.Equal(1.0, forecast.Offices[1].CoverageProbability);
        Assert.Equal(expected, forecast.National.CoverageProbability);
    }

    [Fact]
    public void A_booking_after_its_deadline_is_never_covered()
    {
        var late = new OfficeForecastInput("late", [100, 100, 100], 1, 1, [new HuvudmanDemand(10, 12, 0, BookedMonth: 2)]);

        var strict = CapacityForecaster.Run(Tiny(Deterministic with { CoverageGraceCycles = 0 }, late));
        var lenient = CapacityForecaster.Run(Tiny(Deterministic, late));

        Assert.Equal(0.0, strict.National.CoverageProbability);
        Assert.Equal(1.0, lenient.National.CoverageProbability);
    }

    [Theory]
    // Every booking cancelled and all rescheduled one month later: Alfa's 50 h move from month 1 to month 2.
    [InlineData(1.0, new double[] { 110, 0, 90 }, new double[] { 20, 0, 0 })]
    // Every booking cancelled and none rescheduled: the 50 h leave the horizon.
    [InlineData(0.0, new double[] { 110, 0, 40 }, new double[] { 20, 0, 0 })]
    public void Certain_cancellations_move_or_drop_the_booked_hours(double rescheduledShare, double[] demand, double[] backlog)
    {
        var parameters = Deterministic with
        {
            CancellationRate = 1,
            RescheduledShare = rescheduledShare,
            RescheduleDelayMinMonths = 1,
            RescheduleDelayMaxMonths = 1,
        };

        var alfa = CapacityForecaster.Run(Tiny(parameters, Alfa())).Offices[0];

        Assert.Equal(demand, alfa.Months.Select(m => Math.Round(m.DemandHours.Mean, Digits)));
        Assert.Equal(backlog, alfa.Months.Select(m => Math.Round(m.BacklogHours.Mean, Digits)));
    }

    [Fact]
    public void A_certain_vacancy_empties_the_post_for_the_hiring_delay()
    {
        // Every advisor leaves at once (rate 1 per year means every month), posts stay empty 1.5 months, then the
        // replacement leaves in its first whole month: away 1, ½, 1 of each post; capacity 100 · (0, ½, 0) with no sickness.
        var parameters = Deterministic with { SicknessMean = 0, VacancyRate = 1, HiringDelayMeanMonths = 1.5, HiringDelayCv = 0 };

        var alfa = CapacityForecaster.Run(Tiny(parameters, Alfa())).Offices[0];

        Assert.Equal([0.0, 50, 0], alfa.Months.Select(m => Math.Round(m.CapacityHours.Mean, Digits)));
        // Backlog: 110 unserved; 110 + 50 − 50; 110 + 40.
        Assert.Equal([110.0, 110, 150], alfa.Months.Select(m => Math.Round(m.BacklogHours.Mean, Digits)));
        // No capacity means nothing is used: utilisation 0, not a division by zero.
        Assert.Equal(0.0, alfa.Months[0].Utilisation.Mean);
    }

    [Fact]
    public void An_office_without_advisors_keeps_its_nominal_capacity()
    {
        var parameters = Deterministic with { SicknessMean = 0, VacancyRate = 1, ParentalLeaveRate = 1 };
        var office = new OfficeForecastInput("tom", [80, 80, 80], 0, 0, []);

        var forecast = CapacityForecaster.Run(Tiny(parameters, office));

        Assert.All(forecast.National.Months, m => Assert.Equal(80, m.CapacityHours.Mean, Digits));
        Assert.All(forecast.National.Months, m => Assert.Equal(0, m.DemandHours.Mean));
        Assert.Equal(1.0, forecast.National.CoverageProbability);
    }

    [Fact]
    public void A_single_path_of_a_single_month_is_its_own_percentiles()
    {
        var input = Tiny(ForecastParameters.Default, Alfa() with { CapacityHours = [100] }) with { HorizonMonths = 1, Paths = 1 };

        var month = Assert.Single(CapacityForecaster.Run(input).National.Months);

        foreach (var band in new[] { month.DemandHours, month.CapacityHours, month.Utilisation, month.BacklogHours })
        {
            Assert.Equal(band.Mean, band.P10, 4);
            Assert.Equal(band.Mean, band.P50, 4);
            Assert.Equal(band.Mean, band.P90, 4);
        }

        Assert.True(month.DemandHours.Mean > 0 && month.CapacityHours.Mean > 0);
    }

    private static void AssertMonths(OfficeForecast office, double[] demand, double[] capacity, double[] utilisation, double[] backlog)
    {
        for (var t = 0; t < demand.Length; t++)
        {
            var month = office.Months[t];
            Assert.Equal(t, month.MonthIndex);
            AssertBand(demand[t], month.DemandHours);
            AssertBand(capacity[t], month.CapacityHours);
            AssertBand(utilisation[t], month.Utilisation);
            AssertBand(backlog[t], month.BacklogHours);
        }
    }

    // Without randomness every path is the same, so the percentiles equal the mean.
    private static void AssertBand(double expected, ForecastBand band)
    {
        Assert.Equal(expected, band.Mean, Digits);
        Assert.Equal(expected, band.P10, Digits);
        Assert.Equal(expected, band.P50, Digits);
        Assert.Equal(expected, band.P90, Digits);
    }
}
