using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planering.Bench.Echo;
using Planering.Gateway.Errors;

namespace Planering.Bench.Load;

/// <summary>
/// A bare echo service hosted the way the gateway hosts its API (Kestrel, h2c only, on loopback, no server header, the
/// same error-mapping interceptor): what gRPC alone costs on this machine, the ceiling the gateway is measured against.
/// </summary>
public sealed class EchoHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoHost(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The bound address, <c>http://127.0.0.1:port</c>.</summary>
    public string Address { get; }

    public static async Task<EchoHost> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.EnableDetailedErrors = false;
        });
        var app = builder.Build();
        app.MapGrpcService<EchoApi>();
        await app.StartAsync();
        return new EchoHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class EchoApi : EchoService.EchoServiceBase
    {
        public override Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context) => Task.FromResult(request);
    }
}
