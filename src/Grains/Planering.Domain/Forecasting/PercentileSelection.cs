namespace Planering.Domain.Forecasting;

/// <summary>
/// Mean and 10th/50th/90th percentiles of one cell's paths, by selection rather than sorting (linear time per cell).
/// </summary>
/// <remarks>
/// Percentiles interpolate linearly between order statistics at rank (n − 1)·p, the definition of Excel's PERCENTILE.INC and
/// R's default, so a single path gives that path's value and two paths give the midpoint.
/// </remarks>
internal static class PercentileSelection
{
    /// <summary>Summarises <paramref name="values"/>, reordering them in place.</summary>
    public static ForecastBand Summarise(Span<float> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        var from = 0;
        var p10 = Percentile(values, 0.10, ref from);
        var p50 = Percentile(values, 0.50, ref from);
        var p90 = Percentile(values, 0.90, ref from);
        return new ForecastBand(mean, p10, p50, p90);
    }

    /// <summary>
    /// The p-th percentile; <paramref name="from"/> is where the previous (smaller) percentile left the array partitioned,
    /// so each call only searches the part above it.
    /// </summary>
    private static double Percentile(Span<float> values, double p, ref int from)
    {
        var rank = (values.Length - 1) * p;
        var k = (int)Math.Floor(rank);
        Select(values, from, values.Length - 1, k);
        from = k;
        double low = values[k];
        var fraction = rank - k;
        if (fraction == 0 || k + 1 >= values.Length)
        {
            return low;
        }

        // After selection everything right of k is at least values[k]; the next order statistic is their minimum.
        var next = float.PositiveInfinity;
        for (var i = k + 1; i < values.Length; i++)
        {
            if (values[i] < next)
            {
                next = values[i];
            }
        }

        return low + fraction * (next - low);
    }

    /// <summary>Hoare's selection: afterwards values[k] is the k-th smallest, nothing left of it is larger, nothing right smaller.</summary>
    internal static void Select(Span<float> values, int left, int right, int k)
    {
        while (right > left)
        {
            var pivot = MedianOfThree(values[left], values[left + (right - left) / 2], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static float MedianOfThree(float a, float b, float c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
