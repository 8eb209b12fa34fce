using Planering.Domain.Forecasting;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>The nation is the per-path sum of its offices.</summary>
public sealed class NationalAggregationTests
{
    private static readonly CapacityForecast Forecast = CapacityForecaster.Run(Sweden(offices: 4, huvudman: 500, horizon: 18, paths: 2_000));

    [Fact]
    public void Office_means_sum_to_the_national_mean_in_every_month()
    {
        for (var t = 0; t < Forecast.HorizonMonths; t++)
        {
            var month = Forecast.National.Months[t];
            Assert.Equal(Forecast.Offices.Sum(o => o.Months[t].DemandHours.Mean), month.DemandHours.Mean, 1e-9);
            Assert.Equal(Forecast.Offices.Sum(o => o.Months[t].CapacityHours.Mean), month.CapacityHours.Mean, 1e-9);
            Assert.Equal(Forecast.Offices.Sum(o => o.Months[t].BacklogHours.Mean), month.BacklogHours.Mean, 1e-9);
        }
    }

    [Fact]
    public void National_percentiles_come_from_the_summed_paths_and_are_not_sums_of_office_percentiles()
    {
        var month = Forecast.National.Months[10];
        var p90s = Forecast.Offices.Sum(o => o.Months[10].CapacityHours.P90);
        var p10s = Forecast.Offices.Sum(o => o.Months[10].CapacityHours.P10);

        // Offices vary independently, so their bad months rarely coincide: the nation's band is narrower than the sum of theirs.
        Assert.True(month.CapacityHours.P90 < p90s && month.CapacityHours.P10 > p10s);
        Assert.InRange(month.CapacityHours.P50, month.CapacityHours.P10, month.CapacityHours.P90);
    }

    [Fact]
    public void Every_band_is_ordered_and_utilisation_is_a_share()
    {
        foreach (var office in Forecast.Offices.Append(Forecast.National))
        {
            foreach (var month in office.Months)
            {
                foreach (var band in new[] { month.DemandHours, month.CapacityHours, month.Utilisation, month.BacklogHours })
                {
                    Assert.True(band.P10 <= band.P50 && band.P50 <= band.P90, $"{office.OfficeId} {month.MonthIndex} {band}");
                    Assert.True(band.P10 >= 0);
                }

                Assert.True(month.Utilisation.P90 <= 1 + 1e-6);
            }
        }
    }

    [Fact]
    public void The_nation_is_covered_only_where_every_office_is()
    {
        Assert.True(Forecast.National.CoverageProbability <= Forecast.Offices.Min(o => o.CoverageProbability));
        Assert.All(Forecast.Offices, o => Assert.InRange(o.CoverageProbability, 0, 1));
    }
}
