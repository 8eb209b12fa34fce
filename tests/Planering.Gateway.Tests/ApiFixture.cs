using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Security;
using Planering.Silo;

namespace Planering.Gateway.Tests;

/// <summary>
/// The embedded default as a user runs it: one silo with the Swedish world seeded into a real SQLite file, and the
/// gRPC API co-hosted on a loopback port. Tests call it over real HTTP/2. <see cref="RestartAsync"/> stops the whole
/// host and starts a new one on the same file. Authentication is on, as for a user: <see cref="Channel"/> carries a token
/// with every role, minted as <c>mint-token</c> mints it, with the key the host created in its temporary data directory.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-api-{Guid.NewGuid():N}");
    private WebApplication? _host;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The API's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = null!;

    /// <summary>What the host logged (Information and above), kept across restarts.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>A token with every role, for <see cref="Channel"/>.</summary>
    public string Token { get; private set; } = null!;

    public RegistryService.RegistryServiceClient Registry => new(Channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(Channel);

    public ForecastService.ForecastServiceClient Forecast => new(Channel);

    public PlanningService.PlanningServiceClient Planning => new(Channel);

    public string DatabasePath => Path.Combine(_directory, "planering.db");

    /// <summary>The running host's services, for what the API does not show (how it is wired).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the host is not running");

    /// <summary>Where Orleans clients (a stand-alone gateway) reach the silo.</summary>
    public int GatewayPort { get; private set; }

    public async Task InitializeAsync() => await StartAsync();

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The settings of the host (and of any stand-alone gateway or token that shares its data directory).</summary>
    public string[] Settings =>
    [
        $"--Planering:Storage:SqlitePath={DatabasePath}",

        // The dashboard is not under test here, and its fixed port would collide with other hosts on the machine.
        "--Planering:Dashboard:Port=0",
        "--Planering:Web:Port=0",

        // These tests call as fast as they can as one subject; the limit has its own tests (RateLimitTests).
        "--Planering:RateLimit:PermitsPerSecond=0",
    ];

    /// <summary>A token for this host, minted with its key by the code path <c>mint-token</c> uses.</summary>
    public string MintToken(string subject, params string[] roles) =>
        TokenMinter.MintLocal(new ConfigurationBuilder().AddCommandLine(Settings).Build(), subject, roles, TimeSpan.FromHours(8), DateTimeOffset.UtcNow);

    /// <summary>A new channel to the API with <paramref name="token"/> (none when null); the caller disposes it.</summary>
    public GrpcChannel ChannelWith(string? token) => BearerChannel.ForAddress(Address, token);

    private async Task StartAsync()
    {
        _host = PlaneringHost.Build([
            .. Settings,
            "--Planering:Api:Port=0",
            $"--Planering:Cluster:SiloPort={FreePort()}",
            $"--Planering:Cluster:GatewayPort={GatewayPort = FreePort()}",
        ], builder => builder.Logging.AddProvider(Logs));
        await _host.StartAsync();
        Address = AddressOf(_host);
        Token = MintToken("api-tests", [.. ApiRoles.All]);
        Channel = ChannelWith(Token);
    }

    /// <summary>The address a started host's API listens on.</summary>
    public static string AddressOf(WebApplication host) =>
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    private async Task StopAsync()
    {
        Channel?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
            _host = null;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedApi : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
