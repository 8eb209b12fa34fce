using System.Threading.Channels;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Orleans.Streams;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Domain.Forecasting;
using Planering.Domain.Registry;
using Planering.Gateway.Security;
using Planering.Grains.Forecasting;

namespace Planering.Gateway.Forecasting;

/// <summary><c>planering.v1.ForecastService</c>: pulls forecasts from the forecast grain and streams the live one as it changes.</summary>
public sealed class ForecastApi(IClusterClient cluster) : ForecastService.ForecastServiceBase
{
    private IForecastGrain Forecast => cluster.GetGrain<IForecastGrain>(PlanEvents.NationalKey);

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
        var updates = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var stream = cluster.GetStreamProvider(PlanEvents.StreamProvider).GetStream<ForecastUpdated>(PlanEvents.ForecastUpdates);
        var subscription = await stream.SubscribeAsync((update, _) => updates.Writer.WriteAsync(update.Version).AsTask());
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

                current = await Forecast.ComputeAsync(request0, context.CancellationToken);
                await responseStream.WriteAsync(current.ToMessage(), context.CancellationToken);
                sent = current.Version;
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a normal end of a watch.
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private static void OfficeIds(Violations violations, RepeatedField<string> officeIds)
    {
        violations.Require(officeIds.Count <= 100, "office_ids", "must name at most 100 offices");
        violations.Require(officeIds.All(RegistryRules.IsSlug), "office_ids", "must hold office ids (2–40 characters of a–z, 0–9 and '-', starting with a letter)");
        violations.Require(officeIds.Distinct(StringComparer.Ordinal).Count() == officeIds.Count, "office_ids", "must not repeat an id");
    }
}
