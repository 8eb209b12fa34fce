using Planering.Domain.Forecasting;
using static Planering.Domain.Tests.Forecasting.ForecastFixtures;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>A forecast is a function of its input and seed: not of threads, not of the other offices in the request.</summary>
public sealed class ForecastReproducibilityTests
{
    private static readonly ForecastInput Input = Sweden(offices: 3, huvudman: 300, horizon: 12, paths: 1_500);

    [Fact]
    public void The_same_seed_gives_the_identical_forecast()
    {
        var first = Flatten(CapacityForecaster.Run(Input));
        var second = Flatten(CapacityForecaster.Run(Input));

        Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), second.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void The_number_of_threads_does_not_change_a_figure()
    {
        var oneThread = Flatten(CapacityForecaster.Run(Input, maxDegreeOfParallelism: 1));
        var allThreads = Flatten(CapacityForecaster.Run(Input, maxDegreeOfParallelism: -1));

        Assert.Equal(oneThread.Select(BitConverter.DoubleToInt64Bits), allThreads.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_different_seed_gives_different_figures()
    {
        var first = CapacityForecaster.Run(Input);
        var other = CapacityForecaster.Run(Input with { Seed = Input.Seed + 1 });

        Assert.Equal(Input.Seed + 1, other.Seed);
        Assert.NotEqual(first.National.Months[5].CapacityHours, other.National.Months[5].CapacityHours);
        Assert.NotEqual(first.National.Months[5].DemandHours, other.National.Months[5].DemandHours);
        // Same model, same seed-free expectation: the means still agree closely.
        Assert.Equal(first.National.Months[5].CapacityHours.Mean, other.National.Months[5].CapacityHours.Mean, first.National.Months[5].CapacityHours.Mean * 0.01);
    }

    [Fact]
    public void An_office_is_forecast_the_same_alone_or_beside_others()
    {
        // Its random streams are keyed by its id, not its position, so adding an office moves nothing else.
        var alone = CapacityForecaster.Run(Input with { Offices = [Input.Offices[1]] });
        var together = CapacityForecaster.Run(Input);

        Assert.Equal(alone.Offices[0], together.Offices[1] with { Months = alone.Offices[0].Months });
        Assert.Equal(alone.Offices[0].Months, together.Offices[1].Months);
    }

    [Fact]
    public void A_cancelled_request_stops()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CapacityForecaster.Run(Input, cancellation.Token));
    }
}
