using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Planering.Contracts.V1;
using Planering.Silo;

namespace Planering.Gateway.Tests;

/// <summary>
/// The embedded default as a user runs it: one silo with the Swedish world seeded into a real SQLite file, and the
/// gRPC API co-hosted on a loopback port. Tests call it over real HTTP/2. <see cref="RestartAsync"/> stops the whole
/// host and starts a new one on the same file.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-api-{Guid.NewGuid():N}");
    private WebApplication? _host;

    public GrpcChannel Channel { get; private set; } = null!;

    public RegistryService.RegistryServiceClient Registry => new(Channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(Channel);

    public ForecastService.ForecastServiceClient Forecast => new(Channel);

    public PlanningService.PlanningServiceClient Planning => new(Channel);

    public string DatabasePath => Path.Combine(_directory, "planering.db");

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

    private async Task StartAsync()
    {
        _host = PlaneringHost.Build([
            $"--Planering:Storage:SqlitePath={DatabasePath}",
            "--Planering:Api:Port=0",
            $"--Planering:Cluster:SiloPort={FreePort()}",
            $"--Planering:Cluster:GatewayPort={GatewayPort = FreePort()}",
        ]);
        await _host.StartAsync();
        Channel = GrpcChannel.ForAddress(AddressOf(_host));
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
