using Planering.Domain.Forecasting;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>
/// Six or more months of history fit a throughput line that caps the capacity: the office is not expected to hold more
/// dialogues per month than its trend, so a rising history lets the capacity grow month by month towards the nominal.
/// </summary>
public sealed class RegressionForecastTests
{
    private static readonly OfficeForecastInput Office = Steady(horizon: 18, capacity: 400);
    private static readonly double HoursPerDialogue = Office.Huvudman.Average(h => h.HoursPerDialogue);

    [Fact]
    public void Without_six_months_of_history_the_regression_is_not_used()
    {
        var none = CapacityForecaster.Run(Single(Office));
        var short5 = CapacityForecaster.Run(Single(Office with { History = [3, 4, 5, 6, 7] }));

        Assert.Equal(ForecastMethod.MonteCarlo, none.Method);
        Assert.Equal(ForecastMethod.MonteCarlo, short5.Method);
        Assert.Null(short5.Offices[0].Trend);
        Assert.Equal(Flatten(none).Select(BitConverter.DoubleToInt64Bits), Flatten(short5).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void With_history_the_result_names_the_regression_and_its_line()
    {
        var withHistory = Office with { OfficeId = "with-history", History = [2, 3, 4, 5, 6, 7] };

        var forecast = CapacityForecaster.Run(Single(withHistory) with { Offices = [withHistory, Office] });

        Assert.Equal(ForecastMethod.MonteCarloWithRegression, forecast.Method);
        Assert.Equal(ForecastMethod.MonteCarloWithRegression, forecast.National.Method);
        Assert.Equal(ForecastMethod.MonteCarloWithRegression, forecast.Offices[0].Method);
        Assert.Equal(ForecastMethod.MonteCarlo, forecast.Offices[1].Method);
        // 2..7 over months −6..−1 is the line 8 + t: at the start month 8 dialogues, one more each month.
        var trend = Assert.IsType<ThroughputTrend>(forecast.Offices[0].Trend);
        Assert.Equal(6, trend.HistoryMonths);
        Assert.Equal(8, trend.Intercept, 9);
        Assert.Equal(1, trend.SlopePerMonth, 9);
        Assert.Equal(0, trend.ResidualStandardError);
        Assert.Equal(HoursPerDialogue, trend.HoursPerDialogue, 9);
        Assert.Null(forecast.National.Trend);
    }

    [Fact]
    public void A_straight_history_caps_capacity_at_the_projected_throughput()
    {
        var forecast = CapacityForecaster.Run(Single(Office with { History = [2, 3, 4, 5, 6, 7] }, Deterministic));

        for (var t = 0; t < 18; t++)
        {
            // Nominal 400 h less 10 % sickness, or (8 + t) dialogues of the mean length, whichever is smaller.
            var expected = Math.Min(360, (8 + t) * HoursPerDialogue);
            Assert.Equal(expected, forecast.Offices[0].Months[t].CapacityHours.Mean, 3);
            Assert.Equal(0, Spread(forecast.Offices[0].Months[t].CapacityHours), 3);
        }
    }

    [Fact]
    public void A_rising_history_lowers_early_capacity_and_lifts_it_over_the_horizon()
    {
        var free = CapacityForecaster.Run(Single(Office)).Offices[0];
        var rising = CapacityForecaster.Run(Single(Office with { History = [5, 6, 6, 7, 8, 8, 9, 10] })).Offices[0];
        var flat = CapacityForecaster.Run(Single(Office with { History = [7, 8, 7, 8, 7, 8, 7, 8] })).Offices[0];

        // A cap can only take capacity away, so backlog can only grow compared with no history (path by path, since both
        // runs draw the same absences, durations and cancellations).
        for (var t = 0; t < 18; t++)
        {
            Assert.True(rising.Months[t].CapacityHours.Mean <= free.Months[t].CapacityHours.Mean + 1e-6);
            Assert.True(rising.Months[t].BacklogHours.Mean >= free.Months[t].BacklogHours.Mean - 1e-6);
        }

        Assert.True(rising.Months[0].CapacityHours.Mean < free.Months[0].CapacityHours.Mean * 0.8);
        // The rising line climbs; a flat history of about the same level keeps its cap, and ends with the larger backlog.
        // The line is about 10.4 + 0.68·t dialogues of 23 h: 240 h in month 0, reaching the nominal ~370 h by month 8.
        for (var t = 0; t < 6; t++)
        {
            Assert.True(rising.Months[t + 1].CapacityHours.Mean > rising.Months[t].CapacityHours.Mean);
        }

        Assert.True(rising.Months[8].CapacityHours.Mean > rising.Months[0].CapacityHours.Mean * 1.4);
        Assert.True(rising.Months[8].CapacityHours.Mean > flat.Months[8].CapacityHours.Mean * 1.3);
        Assert.True(flat.Months[17].BacklogHours.Mean > rising.Months[17].BacklogHours.Mean);
    }

    [Fact]
    public void A_scattered_history_spreads_the_capped_capacity()
    {
        var straight = CapacityForecaster.Run(Single(Office with { History = [6, 7, 8, 9, 10, 11] }, Deterministic)).Offices[0];
        var scattered = CapacityForecaster.Run(Single(Office with { History = [4, 9, 6, 11, 8, 13] }, Deterministic)).Offices[0];

        Assert.Equal(0, Spread(straight.Months[0].CapacityHours), 3);
        // The line's own uncertainty: one standard normal per path times the standard error of the fit.
        Assert.True(Spread(scattered.Months[0].CapacityHours) > 10);
        Assert.True(scattered.Trend!.ResidualStandardError > 1);
    }
}
