using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Planering.Gateway.Errors;
using Planering.Gateway.Forecasting;
using Planering.Gateway.Planning;
using Planering.Gateway.Registry;
using Planering.Gateway.Scheduling;

namespace Planering.Gateway.Hosting;

/// <summary>Registers and maps the gRPC API; used by the co-hosted silo and by the stand-alone gateway alike.</summary>
public static class GatewaySetup
{
    public static ApiOptions AddPlaneringGateway(this WebApplicationBuilder builder)
    {
        var api = OptionsCheck.Read<ApiOptions>(builder.Configuration, ApiOptions.Section, o => o.Problems());
        builder.Services.AddSingleton(api);

        // Orleans and its resilience pipelines log every placement at Information; a console user wants the API's story.
        // Logging:LogLevel settings still override these defaults.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(api.Address), api.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.MaxReceiveMessageSize = api.MaxReceiveMessageBytes;
            grpc.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddGrpcHealthChecks().AddCheck<ClusterHealthCheck>("orleans-cluster");
        return api;
    }

    public static WebApplication MapPlaneringGateway(this WebApplication app)
    {
        app.MapGrpcService<RegistryApi>();
        app.MapGrpcService<SchedulingApi>();
        app.MapGrpcService<ForecastApi>();
        app.MapGrpcService<PlanningApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
