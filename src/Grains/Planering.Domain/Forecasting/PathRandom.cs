using MathNet.Numerics.Random;

namespace Planering.Domain.Forecasting;

/// <summary>
/// A xoshiro256** generator that MathNet's distributions can draw from, re-seedable with a full 64-bit seed.
/// </summary>
/// <remarks>
/// Each (office, path) gets its own stream from <see cref="StreamSeeds"/>, so a path's figures depend only on the seed and
/// never on which thread ran it; one instance per worker is re-seeded per path instead of allocating 10,000 generators.
/// MathNet's own xoshiro takes a 32-bit seed, which would let two of 100,000 paths collide.
/// </remarks>
internal sealed class PathRandom : RandomSource
{
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public PathRandom()
        : base(threadSafe: false)
    {
        Reset(0);
    }

    /// <summary>Starts the stream of <paramref name="seed"/>; the state is spread from it with SplitMix64 as xoshiro's authors advise.</summary>
    public void Reset(ulong seed)
    {
        var x = seed;
        _s0 = StreamSeeds.SplitMix64(ref x);
        _s1 = StreamSeeds.SplitMix64(ref x);
        _s2 = StreamSeeds.SplitMix64(ref x);
        _s3 = StreamSeeds.SplitMix64(ref x);
    }

    /// <summary>A uniform draw in [0, 1), called directly: the forecast's own samplers skip MathNet's virtual layers.</summary>
    public double NextUniform() => (NextBits() >> 11) * DoubleUnit;

    protected override double DoSample() => NextUniform();

    protected override int DoSampleInteger()
    {
        // The contract is [0, int.MaxValue): reject the single value 2^31 − 1 rather than bias by folding it.
        while (true)
        {
            var value = (int)(NextBits() >> 33);
            if (value != int.MaxValue)
            {
                return value;
            }
        }
    }

    protected override void DoSampleBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextBits() >> 56);
        }
    }

    protected override int DoSampleInt32WithNBits(int bitCount) => (int)(NextBits() >> (64 - bitCount));

    protected override long DoSampleInt64WithNBits(int bitCount) => (long)(NextBits() >> (64 - bitCount));

    private ulong NextBits()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }
}
