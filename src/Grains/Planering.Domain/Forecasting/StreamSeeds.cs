namespace Planering.Domain.Forecasting;

/// <summary>Derives the random stream of each (office, path) from the request's seed.</summary>
/// <remarks>
/// The office enters by a stable hash of its id, not its position in the request, so an office's figures do not change when
/// another office is added to or removed from the request.
/// </remarks>
internal static class StreamSeeds
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>A stable 64-bit FNV-1a hash of the office id (string.GetHashCode is randomised per process).</summary>
    public static ulong OfficeKey(string officeId)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in officeId)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    public static ulong PathSeed(long seed, ulong officeKey, int path)
    {
        var x = (ulong)seed;
        var officeStream = Mix(Mix(x) ^ officeKey);
        return Mix(officeStream + ((ulong)path + 1) * Golden);
    }

    public static ulong SplitMix64(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
