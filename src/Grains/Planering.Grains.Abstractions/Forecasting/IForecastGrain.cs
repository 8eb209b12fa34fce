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
}

/// <summary>
/// One request's forecast (key: a fresh Guid per request): the live forecast when the request asks for exactly the
/// defaults, otherwise a Monte Carlo of its own here, so live readers and watchers of <see cref="IForecastGrain"/>
/// never wait behind a large custom request. Office ids are checked before any computing. A grain per request, not a
/// stateless worker: a caller's cancellation is delivered to the one activation that runs its Monte Carlo.
/// </summary>
[Alias("planering.IForecastQueryGrain")]
public interface IForecastQueryGrain : IGrainWithGuidKey
{
    /// <summary>Cancelling stops the request's own Monte Carlo; the live forecast, shared by every caller, is finished regardless.</summary>
    [Alias("Compute")]
    [ResponseTimeout("00:00:30")]
    Task<ForecastRecord> ComputeAsync(ForecastRequest request, CancellationToken cancellationToken = default);
}
