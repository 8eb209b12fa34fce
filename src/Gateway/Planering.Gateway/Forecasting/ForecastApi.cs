using System.Threading.Channels;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Orleans.Streams;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Domain.Forecasting;
using Planering.Domain.Registry;
using Planering.Gateway.Hosting;
using Planering.Gateway.Security;
using Planering.Grains.Forecasting;

namespace Planering.Gateway.Forecasting;

/// <summary><c>planering.v1.ForecastService</c>: pulls forecasts from the forecast grain and streams the live one as it changes.</summary>
public sealed class ForecastApi(IClusterClient cluster, IServiceProvider services) : ForecastService.ForecastServiceBase
{
    /// <summary>
    /// How often a watcher asks for the live forecast's version even without a notification: notifications travel on
    /// memory streams, which lose what was in flight with a silo, so this bounds how late a watcher can be.
    /// </summary>
    public static readonly TimeSpan ResyncPeriod = TimeSpan.FromSeconds(15);

    private readonly SiloLossSignal? _siloLoss = services.GetService<SiloLossSignal>();

    /// <summary>Every request gets a grain of its own: a custom one never queues in front of the live forecast's readers.</summary>
    private IForecastQueryGrain Forecast => cluster.GetGrain<IForecastQueryGrain>(Guid.NewGuid());

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<Contracts.V1.CapacityForecast> GetCapacityForecast(GetCapacityForecastRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        OfficeIds(violations, request.OfficeIds);
        violations.Require(request.HorizonMonths is >= 0 and <= ForecastInput.MaxHorizonMonths, "horizon_months", $"must be between 1 and {ForecastInput.MaxHorizonMonths} (0 means {ForecastInput.DefaultHorizonMonths})");
        violations.Require(request.Paths is >= 0 and <= ForecastInput.MaxPaths, "paths", $"must be between 1 and {ForecastInput.MaxPaths} (0 means {ForecastInput.DefaultPaths})");
        violations.ThrowIfAny();

        var forecast = await Forecast.ComputeAsync(new ForecastRequest(
            request.OfficeIds.ToList(),
            request.HorizonMonths == 0 ? ForecastInput.DefaultHorizonMonths : request.HorizonMonths,
            request.Paths == 0 ? ForecastInput.DefaultPaths : request.Paths,
            request.HasSeed ? request.Seed : ForecastRequest.DefaultSeed,
            request.Parameters.ToRecord()), context.CancellationToken);
        return forecast.ToMessage();
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task WatchCapacityForecast(WatchCapacityForecastRequest request, IServerStreamWriter<Contracts.V1.CapacityForecast> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        OfficeIds(violations, request.OfficeIds);
        violations.ThrowIfAny();

        // Notifications only carry a version; the forecast itself is fetched, so a slow watcher skips to the newest.
        // Besides them, the watcher resynchronises by version: every ResyncPeriod, and at once when this gateway loses a
        // silo (a notification may have been lost with it, and the forecast grain may have moved).
        var updates = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var stream = cluster.GetStreamProvider(PlanEvents.StreamProvider).GetStream<ForecastUpdated>(PlanEvents.ForecastUpdates);
        var subscription = await stream.SubscribeAsync((update, _) => updates.Writer.WriteAsync(update.Version).AsTask());
        using var stopResync = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var resync = ResyncAsync(updates.Writer, stopResync.Token);
        try
        {
            var request0 = new ForecastRequest(request.OfficeIds.ToList(), ForecastInput.DefaultHorizonMonths, ForecastInput.DefaultPaths, ForecastRequest.DefaultSeed, ForecastParameterOverrides.None);
            var sent = -1L;
            var current = await Forecast.ComputeAsync(request0, context.CancellationToken);
            await responseStream.WriteAsync(current.ToMessage(), context.CancellationToken);
            sent = current.Version;
            await foreach (var version in updates.Reader.ReadAllAsync(context.CancellationToken))
            {
                if (version <= sent)
                {
                    continue;
                }

                // A resynchronisation may find nothing new; a grain call that fails (a silo just lost) is tried again
                // at the next notification or resynchronisation rather than ending the watch.
                try
                {
                    current = await Forecast.ComputeAsync(request0, context.CancellationToken);
                }
                catch (Exception exception) when (exception is OrleansMessageRejectionException or TimeoutException)
                {
                    continue;
                }

                if (current.Version > sent)
                {
                    await responseStream.WriteAsync(current.ToMessage(), context.CancellationToken);
                    sent = current.Version;
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a normal end of a watch.
        }
        finally
        {
            await stopResync.CancelAsync();
            await resync;
            try
            {
                await subscription.UnsubscribeAsync();
            }
            catch (Exception exception) when (exception is OrleansMessageRejectionException or TimeoutException)
            {
                // The stream's pub-sub lived on a lost silo; the subscription ends with this watcher anyway.
            }
        }
    }

    /// <summary>Asks the watch loop to compare versions (long.MaxValue: "look, whatever the last notification said").</summary>
    private async Task ResyncAsync(ChannelWriter<long> updates, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var lost = _siloLoss?.Token ?? CancellationToken.None;
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stop, lost);
            try
            {
                await Task.Delay(ResyncPeriod, wake.Token);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                // A silo was lost: look now, and again shortly after, once the cluster has declared it dead.
                updates.TryWrite(long.MaxValue);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            updates.TryWrite(long.MaxValue);
        }
    }

    private static void OfficeIds(Violations violations, RepeatedField<string> officeIds)
    {
        violations.Require(officeIds.Count <= 100, "office_ids", "must name at most 100 offices");
        violations.Require(officeIds.All(RegistryRules.IsSlug), "office_ids", "must hold office ids (2–40 characters of a–z, 0–9 and '-', starting with a letter)");
        violations.Require(officeIds.Distinct(StringComparer.Ordinal).Count() == officeIds.Count, "office_ids", "must not repeat an id");
    }
}
