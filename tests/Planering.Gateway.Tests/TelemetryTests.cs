using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Planering.Contracts.V1;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

/// <summary>With telemetry on, a gRPC call is one trace from the server span into the grain calls it makes.</summary>
[Collection(SecondHost.Name)]
public sealed class TelemetryTests(SecondHostFixture host)
{
    [Fact]
    public async Task A_gRPC_call_is_traced_from_the_ASP_NET_Core_server_span_into_its_Orleans_grain_calls()
    {
        // The caller starts the trace, so this test finds its own activities among everything else in the process.
        var traceId = ActivityTraceId.CreateRandom();
        var seen = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> options) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    seen.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var channel = host.ChannelWith(host.MintToken($"tracer-{Guid.NewGuid():N}", ApiRoles.Viewer));

        var headers = new Metadata { { "traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } };
        await new RegistryService.RegistryServiceClient(channel).ListOfficesAsync(new ListOfficesRequest(), headers);

        var server = await WaitForAsync(seen, a => a.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal("/planering.v1.RegistryService/ListOffices", server.GetTagItem("grpc.method"));
        await WaitForAsync(seen, a => a.Source.Name == "Microsoft.Orleans.Application" && a.DisplayName.Contains("OfficeDirectory", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<Activity> WaitForAsync(ConcurrentQueue<Activity> seen, Func<Activity, bool> match)
    {
        for (var i = 0; i < 100; i++)
        {
            if (seen.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"no such activity; seen: {string.Join(", ", seen.Select(a => $"{a.Source.Name}/{a.DisplayName}"))}");
    }
}
