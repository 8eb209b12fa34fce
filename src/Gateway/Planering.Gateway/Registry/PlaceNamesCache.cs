using Planering.Grains.Registry;

namespace Planering.Gateway.Registry;

/// <summary>
/// Sweden's place names, asked of the grains once (<see cref="IGeographyGrain"/>) and kept: they do not change while
/// the cluster runs. A failed first ask (the cluster not yet reachable) is not kept; the next call asks again.
/// </summary>
public sealed class PlaceNamesCache(IGrainFactory grains)
{
    private Task<PlaceNames>? _names;

    public Task<PlaceNames> GetAsync()
    {
        var names = _names;
        if (names is null || names.IsFaulted || names.IsCanceled)
        {
            names = grains.GetGrain<IGeographyGrain>(0).GetPlaceNamesAsync();
            _names = names;
        }

        return names;
    }
}
