using Planering.Domain.Forecasting;

namespace Planering.Domain.Tests.Forecasting;

/// <summary>The radix-sorted percentiles agree with the textbook definition computed by sorting.</summary>
public sealed class BandSummaryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(1_000)]
    [InlineData(4_097)]
    public void Percentiles_interpolate_between_order_statistics(int n)
    {
        var random = new Random(n);
        // Mixed signs and magnitudes, and repeated values, exercise every radix digit and the sign handling.
        var values = Enumerable.Range(0, n)
            .Select(i => i % 7 == 0 ? 3.5f : (float)((random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 5))))
            .ToArray();

        var band = new BandSummary(n).Summarise(values);

        var sorted = values.Select(v => (double)v).Order().ToArray();
        Assert.Equal(values.Average(v => (double)v), band.Mean, 1e-9);
        Assert.Equal(Textbook(sorted, 0.1), band.P10, 1e-6);
        Assert.Equal(Textbook(sorted, 0.5), band.P50, 1e-6);
        Assert.Equal(Textbook(sorted, 0.9), band.P90, 1e-6);
    }

    [Fact]
    public void Known_small_cases()
    {
        var summary = new BandSummary(5);

        Assert.Equal(new ForecastBand(7, 7, 7, 7), summary.Summarise([7f]));
        // Two paths: ranks 0.1, 0.5 and 0.9 of the way from the smaller to the larger.
        Assert.Equal(new ForecastBand(5, 1, 5, 9), summary.Summarise([10f, 0f]));
        // 1..5: rank (n − 1)·p = 0.4, 2, 3.6.
        var band = summary.Summarise([5f, 3f, 1f, 4f, 2f]);
        Assert.Equal(1.4, band.P10, 9);
        Assert.Equal(3.0, band.P50, 9);
        Assert.Equal(4.6, band.P90, 9);
    }

    [Fact]
    public void Identical_paths_give_their_value_everywhere()
    {
        var values = Enumerable.Repeat(90f, 10_000).ToArray();

        Assert.Equal(new ForecastBand(90, 90, 90, 90), new BandSummary(values.Length).Summarise(values));
    }

    private static double Textbook(double[] sorted, double p)
    {
        var rank = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}
