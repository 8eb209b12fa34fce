using Planering.Domain.World;
using Planering.Grains.Registry;

namespace Planering.Grains.Hosting;

/// <summary>Reads the whole registry from the grains that list it: the office directory and the kommun index shards.</summary>
internal static class WorldReader
{
    public static Task<IReadOnlyList<OfficeRecord>> OfficesAsync(IGrainFactory grains) =>
        grains.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();

    /// <summary>Every huvudman with the office its shard knows it by, all shards read in parallel.</summary>
    public static async Task<IReadOnlyList<HuvudmanListing>> HuvudmanAsync(IGrainFactory grains)
    {
        var shards = await Task.WhenAll(SwedishGeography.Sweden.Kommuner.Select(k =>
            grains.GetGrain<IHuvudmanIndexGrain>(k.Kommunkod).ListAsync(new HuvudmanFilter(null, null, null, null), null, int.MaxValue)));
        return shards.SelectMany(s => s.Items).ToList();
    }
}
