using System.Net;
using System.Net.Sockets;
using Grpc.AspNetCore.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Planering.Contracts.V1;
using Planering.Silo;

namespace Planering.Cli.Tests;

/// <summary>
/// The default installation the CLI talks to: one silo, the Swedish world seeded into a temporary SQLite file, the
/// gRPC API co-hosted on a free loopback port. Tests run the CLI against <see cref="Address"/> and arrange or check
/// state through the same API with <see cref="Registry"/> and <see cref="Scheduling"/>.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-cli-{Guid.NewGuid():N}");
    private WebApplication? _host;
    private GrpcChannel? _channel;

    public string Address { get; private set; } = string.Empty;

    public string Directory => _directory;

    public RegistryService.RegistryServiceClient Registry => new(_channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(_channel);

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_directory);
        _host = PlaneringHost.Build(
            [
                $"--Planering:Storage:SqlitePath={Path.Combine(_directory, "planering.db")}",
                "--Planering:Api:Port=0",
                $"--Planering:Cluster:SiloPort={FreePort()}",
                $"--Planering:Cluster:GatewayPort={FreePort()}",
            ],
            builder => builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<AuthorizationRecorder>()));
        await _host.StartAsync();
        Address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _channel = GrpcChannel.ForAddress(Address);
    }

    /// <summary>Runs the CLI against this silo.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(null, [.. args, "--server", Address]);

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedSilo : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
