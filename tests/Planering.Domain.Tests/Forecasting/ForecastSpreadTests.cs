using Planering.Domain.Forecasting;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>Each random influence widens the figure it acts on, and leaves the mean where the model says it should be.</summary>
public sealed class ForecastSpreadTests
{
    private static readonly ForecastParameters Quiet = Deterministic with { SicknessMean = 0.05 };

    [Fact]
    public void Capacity_spreads_wider_when_sickness_varies_more()
    {
        double[] deviations = [0.0, 0.01, 0.03];
        var spreads = deviations
            .Select(sd => CapacityForecaster.Run(Single(Steady(), Quiet with { SicknessSd = sd })).Offices[0].Months[3].CapacityHours)
            .Select(Spread)
            .ToArray();

        Assert.Equal(0, spreads[0], 9);
        Assert.True(spreads[1] > spreads[0] && spreads[2] > spreads[1], string.Join(", ", spreads));
    }

    [Fact]
    public void Demand_spreads_wider_when_durations_vary_more()
    {
        double[] variations = [0.0, 0.15, 0.4];
        var spreads = variations
            .Select(cv => CapacityForecaster.Run(Single(Steady(), Quiet with { DurationCv = cv })).Offices[0].Months[8].DemandHours)
            .Select(Spread)
            .ToArray();

        Assert.Equal(0, spreads[0], 9);
        Assert.True(spreads[1] > spreads[0] && spreads[2] > spreads[1], string.Join(", ", spreads));
    }

    [Fact]
    public void Durations_vary_around_their_nominal_hours()
    {
        var nominal = CapacityForecaster.Run(Single(Steady(), Quiet)).Offices[0];
        var varied = CapacityForecaster.Run(Single(Steady(), Quiet with { DurationCv = 0.3 }, paths: 8_000)).Offices[0];

        for (var t = 0; t < nominal.Months.Count; t++)
        {
            // The lognormal factor has mean 1; 8,000 paths put the sample mean well within 1 % of it.
            Assert.Equal(nominal.Months[t].DemandHours.Mean, varied.Months[t].DemandHours.Mean, nominal.Months[t].DemandHours.Mean * 0.01);
        }
    }

    [Fact]
    public void Sickness_removes_its_mean_share_of_capacity()
    {
        var office = CapacityForecaster.Run(Single(Steady(capacity: 400), Quiet with { SicknessMean = 0.08, SicknessSd = 0.03 }, paths: 8_000)).Offices[0];

        Assert.All(office.Months, m => Assert.Equal(400 * 0.92, m.CapacityHours.Mean, 1.0));
    }

    [Fact]
    public void Parental_leave_and_vacancies_lower_and_spread_capacity()
    {
        var none = CapacityForecaster.Run(Single(Steady(), Quiet)).Offices[0].Months[11].CapacityHours;
        var some = CapacityForecaster.Run(Single(Steady(), Quiet with { ParentalLeaveRate = 0.1, VacancyRate = 0.15 })).Offices[0].Months[11].CapacityHours;
        var more = CapacityForecaster.Run(Single(Steady(), Quiet with { ParentalLeaveRate = 0.3, VacancyRate = 0.4 })).Offices[0].Months[11].CapacityHours;

        Assert.True(some.Mean < none.Mean && more.Mean < some.Mean, $"{none.Mean} {some.Mean} {more.Mean}");
        Assert.True(Spread(some) > Spread(none) && Spread(more) > Spread(some), $"{Spread(none)} {Spread(some)} {Spread(more)}");
    }

    [Fact]
    public void A_steady_vacancy_risk_costs_about_rate_times_hiring_delay()
    {
        // A post alternates between filled (geometric, monthly probability p = 1 − 0.7^(1/12), mean about 1/p − ½ months
        // including the rounding to whole months) and empty (mean d = 4 months): empty d / (1/p − ½ + d) ≈ 10.6 % of the time
        // once the start (all posts filled) has been forgotten.
        var parameters = Quiet with { SicknessMean = 0, VacancyRate = 0.3, HiringDelayMeanMonths = 4, HiringDelayCv = 0.5 };

        var office = CapacityForecaster.Run(Single(Steady(horizon: 24, capacity: 1000, advisors: 20), parameters, paths: 8_000)).Offices[0];

        var lost = 1 - office.Months.Skip(12).Average(m => m.CapacityHours.Mean) / 1000;
        Assert.InRange(lost, 0.095, 0.115);
    }

    [Fact]
    public void Cancellations_lower_demand_in_the_booked_months_and_return_most_of_it_later()
    {
        var input = Steady(bookedShare: 1);
        var none = CapacityForecaster.Run(Single(input, Quiet)).Offices[0];
        var cancelled = CapacityForecaster.Run(Single(input, Quiet with { CancellationRate = 0.2, RescheduledShare = 0.5 }, paths: 8_000)).Offices[0];

        var total = none.Months.Sum(m => m.DemandHours.Mean);
        var after = cancelled.Months.Sum(m => m.DemandHours.Mean);
        // Bookings sit in months 0–5; 20 % of them are cancelled, half of those return within the horizon.
        var booked = none.Months.Take(6).Sum(m => m.DemandHours.Mean) - none.Months.Skip(12).Take(6).Sum(m => m.DemandHours.Mean);
        Assert.True(cancelled.Months[0].DemandHours.Mean < none.Months[0].DemandHours.Mean);
        Assert.True(Spread(cancelled.Months[0].DemandHours) > 0);
        Assert.True(after < total);
        Assert.True(after > total - booked * 0.2, $"{after} vs {total}");
    }

    [Fact]
    public void Coverage_falls_as_capacity_falls()
    {
        var parameters = ForecastParameters.Default with { CoverageGraceCycles = 0.25 };
        // About 172 h fall due per month; with 5 % sickness 180 and 170 h of capacity are near the edge.
        double[] capacities = [800.0, 180, 170, 120];
        var coverage = capacities
            .Select(capacity => CapacityForecaster.Run(Single(Steady(horizon: 24, capacity: capacity), parameters, paths: 1_000)).National.CoverageProbability)
            .ToArray();

        Assert.Equal(1.0, coverage[0]);
        Assert.Equal(0.0, coverage[3]);
        Assert.True(coverage[1] > coverage[2], string.Join(", ", coverage));
        Assert.InRange(coverage[1], 0.05, 0.99);
        Assert.InRange(coverage[2], 0.05, 0.99);
    }
}
