using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Planering.Silo.Dashboard;

/// <summary>
/// Serves the Orleans dashboard from a small web host of its own inside the silo process: an Orleans client of this
/// silo with its own Kestrel on 127.0.0.1 (the dashboard's documented separate-host arrangement). Being a server of its
/// own, it is never among the API's addresses, never shares the API's port, tokens or rate limit, and a port already
/// taken (a second silo on the machine) costs the dashboard only: it is logged and the silo runs on.
/// </summary>
internal sealed partial class DashboardServer(
    DashboardSettings settings,
    ILocalSiloDetails silo,
    IOptions<ClusterOptions> cluster,
    ILoggerFactory loggers,
    ILogger<DashboardServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Looked at first, so the usual case (another silo has it) starts nothing; a port taken in between is caught below.
        var address = IPAddress.Parse(settings.Address);
        if (!IsFree(address, settings.Port))
        {
            LogNotServed(logger, settings.Address, settings.Port, "the port is taken");
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();

        // One log for the process: the silo's providers (console, OpenTelemetry), not a second console logger; and no
        // console lifetime of its own (Ctrl-C, "Application started"): the silo starts and stops it.
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, settings.Port, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.AddServerHeader = false;
        });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = cluster.Value.ServiceId;
                o.ClusterId = cluster.Value.ClusterId;
            });
            client.UseStaticClustering(silo.GatewayAddress.Endpoint);
            client.AddDashboard();
        });

        var app = builder.Build();
        app.MapOrleansDashboard();
        try
        {
            await app.StartAsync(cancellationToken);
            _app = app;
            LogServing(logger, settings.Address, settings.Port);
        }
        catch (IOException exception)
        {
            LogNotServed(logger, settings.Address, settings.Port, exception.Message);
            await app.DisposeAsync();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static bool IsFree(IPAddress address, int port)
    {
        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The dashboard's host lives and dies with the silo: nothing to wait for, nothing to listen to.</summary>
    private sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans dashboard on http://{Address}:{Port}/")]
    private static partial void LogServing(ILogger logger, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orleans dashboard not served on {Address}:{Port} ({Reason}); set Planering:Dashboard:Port, 0 turns it off")]
    private static partial void LogNotServed(ILogger logger, string address, int port, string reason);
}
