using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Planering.Gateway.Errors;
using Planering.Gateway.Hosting;

namespace Planering.Gateway.Telemetry;

/// <summary>
/// Traces and metrics of ASP.NET Core (every gRPC call is a server span tagged with <c>grpc.method</c> and
/// <c>grpc.status_code</c>), of Orleans (grain calls, storage; the <c>Microsoft.Orleans</c> meter) and of the runtime,
/// plus the logs, exported over OTLP and/or to the console when <see cref="TelemetryOptions"/> says so.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Orleans' activity sources for grain calls (application and runtime) and for grain storage.</summary>
    public static readonly IReadOnlyList<string> OrleansSources =
        [ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName, ActivitySources.StorageActivitySourceName];

    /// <summary>Meters beyond the ASP.NET Core instrumentation's own (hosting, Kestrel).</summary>
    public static readonly IReadOnlyList<string> Meters =
        ["Microsoft.Orleans", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization", "System.Runtime"];

    public static TelemetryOptions Read(IConfiguration configuration) =>
        OptionsCheck.Read<TelemetryOptions>(configuration, TelemetryOptions.Section, o => o.Problems());

    /// <summary>
    /// Registers the exporters when any is configured. The Orleans side also needs <c>AddActivityPropagation()</c> on the
    /// silo or client builder, which the hosts call when <see cref="TelemetryOptions.Exports"/> is true.
    /// </summary>
    public static TelemetryOptions AddPlaneringTelemetry(this WebApplicationBuilder builder, string defaultServiceName)
    {
        var telemetry = Read(builder.Configuration);
        if (!telemetry.Exports)
        {
            return telemetry;
        }

        var serviceName = string.IsNullOrWhiteSpace(telemetry.ServiceName) ? defaultServiceName : telemetry.ServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing =>
            {
                // gRPC calls only: the dashboard's polling and probes would drown them.
                tracing.AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = GrpcStatusResponse.IsGrpc);
                tracing.AddSource([.. OrleansSources]);
                Export(tracing, telemetry);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation();
                metrics.AddMeter([.. Meters]);
                Export(metrics, telemetry);
            });
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
            {
                logging.AddOtlpExporter(otlp => Configure(otlp, telemetry, "v1/logs"));
            }
        });
        return telemetry;
    }

    private static void Export(TracerProviderBuilder tracing, TelemetryOptions telemetry)
    {
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            tracing.AddOtlpExporter(otlp => Configure(otlp, telemetry, "v1/traces"));
        }

        if (telemetry.Console)
        {
            tracing.AddConsoleExporter();
        }
    }

    private static void Export(MeterProviderBuilder metrics, TelemetryOptions telemetry)
    {
        if (!string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            metrics.AddOtlpExporter(otlp => Configure(otlp, telemetry, "v1/metrics"));
        }

        if (telemetry.Console)
        {
            metrics.AddConsoleExporter();
        }
    }

    /// <summary>Over gRPC the endpoint is the collector; over HTTP an endpoint set in code is used as is, so it gets the signal's path.</summary>
    private static void Configure(OtlpExporterOptions otlp, TelemetryOptions telemetry, string signalPath)
    {
        var endpoint = new Uri(telemetry.OtlpEndpoint!);
        otlp.Protocol = telemetry.OtlpProtocol;
        otlp.Endpoint = telemetry.OtlpProtocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(endpoint.ToString().TrimEnd('/') + "/"), signalPath)
            : endpoint;
    }
}
