using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planering.Bench.Echo;
using Planering.Gateway.Errors;

namespace Planering.Bench.Load;

/// <summary>A bare echo service hosted like the gateway (Kestrel h2c on loopback, the same gRPC interceptor): the machine's ceiling.</summary>
public static class EchoHost
{
    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<ErrorMappingInterceptor>());
        var app = builder.Build();
        app.MapGrpcService<EchoApi>();
        return app;
    }

    private sealed class EchoApi : EchoService.EchoServiceBase
    {
        public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
    }
}
