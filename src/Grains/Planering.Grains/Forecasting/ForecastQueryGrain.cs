using Microsoft.Extensions.Logging;
using Planering.Domain.Forecasting;

namespace Planering.Grains.Forecasting;

/// <summary>
/// A request's forecast, in a grain of its own: the live forecast when the request asks for the defaults, its own
/// Monte Carlo otherwise; never inside the national forecast grain, whose live readers and watchers would wait behind it.
/// </summary>
public sealed class ForecastQueryGrain(TimeProvider clock, ILogger<ForecastQueryGrain> logger) : Grain, IForecastQueryGrain
{
    public async Task<ForecastRecord> ComputeAsync(ForecastRequest request, CancellationToken cancellationToken = default)
    {
        // One request per activation: it goes as soon as it has answered.
        DeactivateOnIdle();
        var isLive = request.HorizonMonths == ForecastInput.DefaultHorizonMonths && request.Paths == ForecastInput.DefaultPaths
            && request.Seed == ForecastRequest.DefaultSeed && request.Parameters == ForecastParameterOverrides.None;
        if (isLive)
        {
            return ForecastRun.Only(await GrainFactory.GetGrain<IForecastGrain>(PlanEvents.NationalKey).GetLiveAsync(), request.OfficeIds);
        }

        var started = clock.GetTimestamp();
        try
        {
            return ForecastRun.Only(
                await ForecastRun.ComputeAsync(
                    GrainFactory, clock, logger, request.HorizonMonths, request.Paths, request.Seed, request.Parameters.Apply(ForecastParameters.Default),
                    "request", 0, cancellationToken, request.OfficeIds),
                request.OfficeIds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var cancelledAfter = clock.GetElapsedTime(started);
            ForecastRun.LogCancelled(logger, request.Paths, cancelledAfter.TotalMilliseconds);
            throw;
        }
    }
}
