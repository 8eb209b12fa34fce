using System.Diagnostics;
using System.Globalization;
using Planering.Domain.Forecasting;
using Xunit.Abstractions;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>
/// The forecast at the size it is used: 24 months, 6 offices, 10,000 paths, 1,200 huvudmän. The elapsed time is written to
/// the test output for a person to read; the benchmark project, not a test, judges speed.
/// </summary>
public sealed class CountrySizeForecastTests(ITestOutputHelper output)
{
    [Fact]
    public void A_country_sized_forecast_holds_its_invariants()
    {
        var input = Sweden();
        CapacityForecaster.Run(input with { Paths = 200 });

        var clock = Stopwatch.StartNew();
        var forecast = CapacityForecaster.Run(input);
        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"24 months x 6 offices x 10,000 paths x 1,200 huvudmän: {clock.Elapsed.TotalMilliseconds:F0} ms on {Environment.ProcessorCount} cores"));

        Assert.Equal(ForecastMethod.MonteCarloWithRegression, forecast.Method);
        Assert.Equal(6, forecast.Offices.Count);
        Assert.Equal(3, forecast.Offices.Count(o => o.Trend is not null));
        for (var t = 0; t < 24; t++)
        {
            Assert.Equal(forecast.Offices.Sum(o => o.Months[t].DemandHours.Mean), forecast.National.Months[t].DemandHours.Mean, 1e-9);
        }
    }
}
