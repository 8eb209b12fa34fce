using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Security;
using Planering.Silo;
using Planering.Silo.Web;

namespace Planering.TestSupport;

/// <summary>
/// The embedded default as a user runs it, started in the test process: one silo with grain state in a SQLite file of a
/// temporary data directory, the gRPC API co-hosted on a free loopback port (and the web app when asked), with
/// authentication on. <see cref="Channel"/> carries <see cref="Token"/>, a token with every role minted as
/// <c>mint-token</c> mints it, with the key the host created in its data directory. <see cref="RestartAsync"/> stops the
/// whole host and starts a new one on the same file. The one way the test projects and the benchmarks start a host.
/// </summary>
public class PlaneringTestHost : IAsyncDisposable
{
    private readonly string _subject;
    private readonly string[] _extra;
    private readonly bool _web;
    private readonly Action<WebApplicationBuilder>? _configure;
    private WebApplication? _host;
    private GrpcChannel? _channel;
    private bool _disposed;

    /// <param name="subject">Names the temporary directory and the subject of <see cref="Token"/> (e.g. <c>api-tests</c>).</param>
    /// <param name="settings">Settings after the defaults below, which they override (the command line's last value wins).</param>
    /// <param name="web">Whether the web app runs too, on a free port.</param>
    /// <param name="configure">Changes to the host builder (a log provider, say) before the host reads it.</param>
    public PlaneringTestHost(string subject, IEnumerable<string>? settings = null, bool web = false, Action<WebApplicationBuilder>? configure = null)
    {
        _subject = subject;
        _extra = [.. settings ?? []];
        _web = web;
        _configure = configure;
        Directory = Path.Combine(Path.GetTempPath(), $"planering-{subject}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The host's data directory: the SQLite file and the signing key live here.</summary>
    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "planering.db");

    /// <summary>
    /// The settings of the host, and of any stand-alone gateway or token that shares its data directory: the data
    /// directory; no dashboard (its fixed port would collide with other hosts on the machine); no web app unless asked;
    /// no rate limit (tests call as fast as they can as one subject; the limit has its own tests); then the caller's.
    /// </summary>
    public string[] Settings =>
    [
        $"--Planering:Storage:SqlitePath={DatabasePath}",
        "--Planering:Dashboard:Port=0",
        "--Planering:Web:Port=0",
        "--Planering:RateLimit:PermitsPerSecond=0",
        .. _extra,
    ];

    /// <summary>The API's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>A token with every role, for <see cref="Channel"/>.</summary>
    public string Token { get; private set; } = string.Empty;

    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("the host is not running");

    public RegistryService.RegistryServiceClient Registry => new(Channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(Channel);

    public ForecastService.ForecastServiceClient Forecast => new(Channel);

    public PlanningService.PlanningServiceClient Planning => new(Channel);

    /// <summary>The running host's services, for what the API does not show (how it is wired, grains directly).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("the host is not running");

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Where Orleans clients (a stand-alone gateway) reach the silo: the port the host chose for itself.</summary>
    public int GatewayPort { get; private set; }

    /// <summary>The co-hosted web app's address when started with <c>web</c>, e.g. <c>http://127.0.0.1:port/</c>.</summary>
    public string? WebAddress => _host?.Services.WebAddress();

    /// <summary>Starts the host; returns once it is started (with the seed on, once Sweden is seeded).</summary>
    public async Task StartAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _host = PlaneringHost.Build(
        [
            .. Settings,
            "--Planering:Api:Port=0",

            // Port 0: the host picks free ports for the silo itself (PlaneringClusterOptions).
            "--Planering:Cluster:SiloPort=0",
            "--Planering:Cluster:GatewayPort=0",
            .. _web ? [$"--Planering:Web:Port={FreePort.Next()}"] : Array.Empty<string>(),
        ], _configure);
        await _host.StartAsync();
        Address = AddressOf(_host);
        GatewayPort = _host.Services.GetRequiredService<ILocalSiloDetails>().GatewayAddress.Endpoint.Port;
        Token = MintToken(_subject, [.. ApiRoles.All]);
        _channel = ChannelWith(Token);
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>A token for this host, minted with its key by the code path <c>mint-token</c> uses.</summary>
    public string MintToken(string subject, params string[] roles) => MintToken(Settings, subject, roles);

    /// <summary>A token for whatever host reads <paramref name="settings"/>, minted by the code path <c>mint-token</c> uses.</summary>
    public static string MintToken(IEnumerable<string> settings, string subject, params string[] roles) =>
        TokenMinter.MintLocal(new ConfigurationBuilder().AddCommandLine([.. settings]).Build(), subject, roles, TimeSpan.FromHours(8), DateTimeOffset.UtcNow);

    /// <summary>A new channel to the API with <paramref name="token"/> (none when null); the caller disposes it.</summary>
    public GrpcChannel ChannelWith(string? token) => BearerChannel.ForAddress(Address, token);

    /// <summary>The address a started host's API listens on.</summary>
    public static string AddressOf(WebApplication host) =>
        host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public async Task StopAsync()
    {
        _channel?.Dispose();
        _channel = null;
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
            _host = null;
        }
    }

    /// <summary>Stops the host and removes its data directory; safe to call twice (a test framework may).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
