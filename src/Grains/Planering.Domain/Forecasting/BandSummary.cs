using System.Runtime.CompilerServices;

namespace Planering.Domain.Forecasting;

/// <summary>
/// Mean and 10th/50th/90th percentiles of one cell's paths (one figure of one office in one month).
/// </summary>
/// <remarks>
/// Percentiles interpolate linearly between order statistics at rank (n − 1)·p, the definition of Excel's PERCENTILE.INC and
/// R's default, so a single path gives that path's value and two paths give the midpoint. The paths are ordered by a
/// least-significant-digit radix sort of the floats' bit patterns: three branch-free passes of 11 bits, where a comparison
/// sort or selection on random data stalls on mispredicted branches (measured several times slower per cell).
/// </remarks>
internal sealed class BandSummary
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 3;

    private readonly uint[] _keys;
    private readonly uint[] _scratch;
    private readonly int[] _counts = new int[Passes * Buckets];

    /// <summary>Buffers for cells of up to <paramref name="paths"/> values; one instance per thread.</summary>
    public BandSummary(int paths)
    {
        _keys = new uint[paths];
        _scratch = new uint[paths];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ForecastBand Summarise(ReadOnlySpan<float> values)
    {
        var n = values.Length;
        var sum = 0.0;
        Array.Clear(_counts);
        for (var i = 0; i < n; i++)
        {
            // Means are summed in path order, before sorting, so they do not depend on how the paths were ordered.
            sum += values[i];
            var key = ToKey(values[i]);
            _keys[i] = key;
            _counts[key & (Buckets - 1)]++;
            _counts[Buckets + (int)((key >> DigitBits) & (Buckets - 1))]++;
            _counts[2 * Buckets + (int)(key >> (2 * DigitBits))]++;
        }

        var sorted = Sort(n);
        return new ForecastBand(sum / n, Percentile(sorted, 0.10), Percentile(sorted, 0.50), Percentile(sorted, 0.90));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<uint> Sort(int n)
    {
        var from = _keys;
        var to = _scratch;
        for (var pass = 0; pass < Passes; pass++)
        {
            var counts = _counts.AsSpan(pass * Buckets, Buckets);
            var shift = pass * DigitBits;
            // A digit all paths share (the exponent of values of one magnitude, say) needs no pass.
            if (counts[(int)((from[0] >> shift) & (Buckets - 1))] == n)
            {
                continue;
            }

            var offset = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var count = counts[b];
                counts[b] = offset;
                offset += count;
            }

            for (var i = 0; i < n; i++)
            {
                var key = from[i];
                to[counts[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            (from, to) = (to, from);
        }

        return from.AsSpan(0, n);
    }

    private static double Percentile(ReadOnlySpan<uint> sorted, double p)
    {
        var rank = (sorted.Length - 1) * p;
        var k = (int)rank;
        double low = FromKey(sorted[k]);
        var fraction = rank - k;
        return fraction == 0 ? low : low + fraction * (FromKey(sorted[k + 1]) - low);
    }

    /// <summary>Maps a float to an unsigned key with the same order: flip all bits of negatives, only the sign bit of the rest.</summary>
    private static uint ToKey(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    private static float FromKey(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);
}
