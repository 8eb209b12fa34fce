using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Planering.Gateway.Errors;
using Planering.Gateway.Forecasting;
using Planering.Gateway.Limits;
using Planering.Gateway.Parsing;
using Planering.Gateway.Planning;
using Planering.Gateway.Registry;
using Planering.Gateway.Scheduling;
using Planering.Gateway.Security;
using Planering.Gateway.Telemetry;

namespace Planering.Gateway.Hosting;

/// <summary>Registers and maps the gRPC API; used by the co-hosted silo and by the stand-alone gateway alike.</summary>
public static class GatewaySetup
{
    /// <param name="serviceName">The telemetry <c>service.name</c> unless <c>Planering:Telemetry:ServiceName</c> says otherwise.</param>
    public static ApiOptions AddPlaneringGateway(this WebApplicationBuilder builder, string serviceName = "planering-gateway")
    {
        var api = OptionsCheck.Read<ApiOptions>(builder.Configuration, ApiOptions.Section, o => o.Problems());
        var rateLimit = OptionsCheck.Read<RateLimitOptions>(builder.Configuration, RateLimitOptions.Section, o => o.Problems());
        var cluster = builder.Configuration.GetSection(PlaneringClusterOptions.Section).Get<PlaneringClusterOptions>() ?? new PlaneringClusterOptions();
        var mode = cluster.Mode;
        builder.Services.TryAddSingleton(cluster);
        builder.Services.AddSingleton(api);
        builder.Services.AddSingleton(rateLimit);
        builder.Services.AddSingleton<Registry.PlaceNamesCache>();

        // Orleans and its resilience pipelines log every placement at Information; a console user wants the API's story.
        // Logging:LogLevel settings still override these defaults.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // A console line a user can read: when (local time), how bad, what, on one line.
        builder.Logging.AddSimpleConsole(console =>
        {
            console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            console.SingleLine = true;
        });

        // Orleans' watchdog compares the time of its first component check with a timestamp that is still zero until
        // that check has finished, so on every start it warns of a "possible deadlock" lasting as long as the machine
        // has been up. Its warnings are therefore raised to Error; a real stall still shows in Orleans' health
        // events (membership) and in the scheduler's own "took elapsed time" warnings.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);

        // grpc-dotnet logs every status a service raises at Information, without the method; the gateway logs each
        // refusal itself, once, with the method (ErrorMappingInterceptor, RequestParsing). Its errors stay visible.
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(api.Address), api.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();

            // Inside the error mapping: it sees Orleans' own exceptions.
            grpc.Interceptors.Add<ClusterRetryInterceptor>();
            grpc.MaxReceiveMessageSize = api.MaxReceiveMessageBytes;
            grpc.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddGrpcHealthChecks().AddCheck<ClusterHealthCheck>("orleans-cluster");
        builder.AddPlaneringAuth(mode);
        builder.Services.AddPlaneringRateLimiting(rateLimit);
        builder.AddPlaneringTelemetry(serviceName);

        // Last, so that no AddGrpc above brings grpc-dotnet's own binder back (MapPlaneringGateway checks).
        builder.Services.AddCheckedRequestParsing();
        return api;
    }

    public static WebApplication MapPlaneringGateway(this WebApplication app)
    {
        RequestParsingSetup.EnsureInPlace(app.Services);
        app.Lifetime.ApplicationStarted.Register(() => ApiAddress.Log(app));

        // Authentication first, so the rate limiter can count a caller by its token's subject; then the limit, so a
        // caller over it is refused before any policy or service runs.
        if (app.Services.GetRequiredService<AuthOptions>().Enabled)
        {
            app.UseAuthentication();
        }

        if (app.Services.GetRequiredService<RateLimitOptions>().Enabled)
        {
            app.UseRateLimiter();
        }

        app.UseAuthorization();

        // Each method names its policy (see ApiRoles); health and reflection are open: an orchestrator probes health
        // without a token, and reflection only tells what the public protos in the repository already say.
        app.MapGrpcService<RegistryApi>();
        app.MapGrpcService<SchedulingApi>();
        app.MapGrpcService<ForecastApi>();
        app.MapGrpcService<PlanningApi>();
        app.MapGrpcHealthChecksService().AllowAnonymous().DisableRateLimiting();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
