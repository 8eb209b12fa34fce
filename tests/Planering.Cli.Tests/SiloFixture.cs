using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Security;
using Planering.Silo;

namespace Planering.Cli.Tests;

/// <summary>
/// The default installation the CLI talks to: one silo, the Swedish world seeded into a temporary SQLite file, the
/// gRPC API co-hosted on a free loopback port, with authentication on. Tests run the CLI against <see cref="Address"/>
/// with <see cref="Token"/> (every role) and arrange or check state through the same API with <see cref="Registry"/>
/// and <see cref="Scheduling"/>.
/// </summary>
public class SiloFixture : IAsyncLifetime
{
    private readonly string[] _extra;

    public SiloFixture()
        : this(
            // An import calls as fast as it can as one subject; the limit has its own tests in the API's project.
            "--Planering:RateLimit:PermitsPerSecond=0")
    {
    }

    /// <param name="extra">Settings beside the data directory and the dashboard's (for example a rate limit).</param>
    protected SiloFixture(params string[] extra) => _extra = extra;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"planering-cli-{Guid.NewGuid():N}");
    private WebApplication? _host;
    private GrpcChannel? _channel;
    private IConfiguration? _settings;

    public string Address { get; private set; } = string.Empty;

    public string Directory => _directory;

    /// <summary>A token with every role, minted with this silo's key as <c>mint-token</c> mints it.</summary>
    public string Token { get; private set; } = string.Empty;

    public RegistryService.RegistryServiceClient Registry => new(_channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(_channel);

    /// <summary>The registry through the CLI's own RetryInfo back-off, for checks against a rate-limited silo.</summary>
    public RegistryService.RegistryServiceClient PatientRegistry => new(Grpc.Core.Interceptors.ChannelExtensions.Intercept(_channel!, new Planering.Cli.Hosting.RetryInfoBackoff()));

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_directory);
        string[] settings =
        [
            $"--Planering:Storage:SqlitePath={Path.Combine(_directory, "planering.db")}",

            // The dashboard is not under test here, and its fixed port would collide with other hosts on the machine.
            "--Planering:Dashboard:Port=0",
            .. _extra,
        ];
        _host = PlaneringHost.Build(
        [
            .. settings,
            "--Planering:Api:Port=0",
            $"--Planering:Cluster:SiloPort={FreePort()}",
            $"--Planering:Cluster:GatewayPort={FreePort()}",
        ]);
        await _host.StartAsync();
        Address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _settings = new ConfigurationBuilder().AddCommandLine(settings).Build();
        Token = MintToken("cli-tests", [.. ApiRoles.All]);
        _channel = BearerChannel.ForAddress(Address, Token);
    }

    /// <summary>A token for this silo with <paramref name="roles"/>, by the code path of <c>mint-token</c>.</summary>
    public string MintToken(string subject, params string[] roles) =>
        TokenMinter.MintLocal(_settings!, subject, roles, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>Runs the CLI against this silo with <see cref="Token"/>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(null, [.. args, "--server", Address, "--token", Token]);

    public virtual async Task DisposeAsync()
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
