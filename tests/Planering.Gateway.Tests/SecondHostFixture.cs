using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Planering.Contracts.Clients;
using Planering.Gateway.Security;
using Planering.Silo;

namespace Planering.Gateway.Tests;

/// <summary>
/// A second embedded host with what the shared one turns off or leaves at its default: a tight rate limit
/// (<see cref="Burst"/> calls at once, then one a second per caller), the dashboard on a free port, and telemetry on (exported to a port where no
/// collector listens: the exporter's failures stay in the background, and tests watch the activities in-process).
/// Nothing is seeded: these tests need no world, and the host starts in a few seconds.
/// </summary>
public sealed class SecondHostFixture : IAsyncLifetime
{
    public const int Burst = 3;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-second-{Guid.NewGuid():N}");
    private readonly int _unusedPort = ApiFixture.FreePort();
    private WebApplication? _host;

    public string Address { get; private set; } = null!;

    /// <summary>The Orleans dashboard's port on 127.0.0.1.</summary>
    public int DashboardPort { get; } = ApiFixture.FreePort();

    public string[] Settings =>
    [
        $"--Planering:Storage:SqlitePath={Path.Combine(_directory, "planering.db")}",
        "--Planering:Seed:Enabled=false",
        $"--Planering:Dashboard:Port={DashboardPort}",
        "--Planering:Web:Port=0",
        "--Planering:RateLimit:PermitsPerSecond=1",
        $"--Planering:RateLimit:Burst={Burst}",
        $"--Planering:Telemetry:OtlpEndpoint=http://127.0.0.1:{_unusedPort}",
    ];

    public async Task InitializeAsync()
    {
        _host = PlaneringHost.Build([
            .. Settings,
            "--Planering:Api:Port=0",
            $"--Planering:Cluster:SiloPort={ApiFixture.FreePort()}",
            $"--Planering:Cluster:GatewayPort={ApiFixture.FreePort()}",
        ]);
        await _host.StartAsync();
        Address = ApiFixture.AddressOf(_host);
    }

    public string MintToken(string subject, params string[] roles) =>
        TokenMinter.MintLocal(new ConfigurationBuilder().AddCommandLine(Settings).Build(), subject, roles, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>A new channel with <paramref name="token"/> (none when null); the caller disposes it.</summary>
    public GrpcChannel ChannelWith(string? token) => BearerChannel.ForAddress(Address, token);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SecondHost : ICollectionFixture<SecondHostFixture>
{
    public const string Name = "second-host";
}
