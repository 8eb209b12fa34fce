namespace Planering.Grains.Forecasting;

/// <summary>
/// The capacity forecast (key: <c>national</c>). One run covers every office, so office figures add up to the
/// national ones by construction; the latest live forecast is cached and recomputed, debounced, when the plan changes.
/// </summary>
[Alias("planering.IForecastGrain")]
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>The live forecast (default horizon, paths, seed and parameters), computed if there is none yet.</summary>
    [Alias("GetLive")]
    [ResponseTimeout("00:00:30")]
    Task<ForecastRecord> GetLiveAsync();

    /// <summary>
    /// A forecast for one request; the live one when the request asks for exactly the defaults. Cancelling stops a
    /// request's own Monte Carlo; the live forecast, shared by every caller, is finished and cached regardless.
    /// </summary>
    [Alias("Compute")]
    [ResponseTimeout("00:00:30")]
    Task<ForecastRecord> ComputeAsync(ForecastRequest request, CancellationToken cancellationToken = default);
}
