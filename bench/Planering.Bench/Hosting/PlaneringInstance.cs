using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planering.Gateway.Security;
using Planering.Silo;
using Planering.Silo.Web;

namespace Planering.Bench.Hosting;

/// <summary>
/// The embedded default as a user runs it — one silo, the gRPC API co-hosted, grain state in a SQLite file — started in
/// this process on a temporary file and free loopback ports, so a benchmark measures the real host and leaves nothing behind.
/// </summary>
public sealed class PlaneringInstance : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-bench-{Guid.NewGuid():N}");
    private readonly bool _seed;
    private readonly bool _web;
    private WebApplication? _host;

    private PlaneringInstance(bool seed, bool web)
    {
        _seed = seed;
        _web = web;
        Directory.CreateDirectory(_directory);
    }

    public string DatabasePath => Path.Combine(_directory, "planering.db");

    /// <summary>The API's bound address, <c>http://127.0.0.1:port</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>A token with every role for this host, minted with its key as <c>mint-token</c> mints it.</summary>
    public string Token { get; private set; } = string.Empty;

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the host is not running");

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The co-hosted web app's address when started with <c>web</c>, e.g. <c>http://127.0.0.1:port/</c>.</summary>
    public string? WebAddress => _host?.Services.WebAddress();

    /// <summary>Starts the host on a fresh database; with <paramref name="seed"/> it returns once Sweden is seeded; with <paramref name="web"/> the web app too.</summary>
    public static async Task<PlaneringInstance> StartAsync(bool seed = true, bool web = false)
    {
        var instance = new PlaneringInstance(seed, web);
        try
        {
            await instance.StartHostAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the whole host and starts a new one on the same file: nothing is active afterwards.</summary>
    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task StartHostAsync()
    {
        string[] settings =
        [
            $"--Planering:Storage:SqlitePath={DatabasePath}",

            // The load generator calls as fast as it can as one subject, which is what the rate limit exists to stop.
            "--Planering:RateLimit:PermitsPerSecond=0",

            // Not measured, and its fixed port would collide with a silo already running on the machine.
            "--Planering:Dashboard:Port=0",
        ];
        _host = PlaneringHost.Build(
            [
                .. settings,
                "--Planering:Api:Port=0",
                $"--Planering:Cluster:SiloPort={FreePort()}",
                $"--Planering:Cluster:GatewayPort={FreePort()}",
                $"--Planering:Seed:Enabled={_seed}",
                $"--Planering:Web:Port={(_web ? FreePort() : 0)}",
            ],
            // A benchmark's console is its report: only warnings and errors from the host belong there.
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await _host.StartAsync();
        Address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Token = TokenMinter.MintLocal(
            new ConfigurationBuilder().AddCommandLine(settings).Build(), "bench", [.. ApiRoles.All], TimeSpan.FromHours(8), DateTimeOffset.UtcNow);
    }

    private async Task StopHostAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
            _host = null;
        }
    }

    /// <summary>A loopback port free right now (the silo's own ports cannot be 0).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
