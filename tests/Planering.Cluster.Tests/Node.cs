using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.Gateway.Security;
using Planering.Silo;
using Planering.TestSupport;

namespace Planering.Cluster.Tests;

/// <summary>
/// One process of the topology, started in this test process exactly as its Program.cs starts it: a silo with the
/// co-hosted API, or a stand-alone gateway. Tests talk to it over real gRPC on loopback, with a token of every role:
/// like a production cluster, every node of the test process checks tokens with one shared key (<see cref="Settings"/>).
/// </summary>
public sealed class Node : IAsyncDisposable
{
    private Node(WebApplication host)
    {
        Host = host;
        Channel = BearerChannel.ForAddress(PlaneringTestHost.AddressOf(host), Token);
        Registry = new RegistryService.RegistryServiceClient(Channel);
        Scheduling = new SchedulingService.SchedulingServiceClient(Channel);
        SiloAddress = host.Services.GetService<ILocalSiloDetails>()?.SiloAddress;
    }

    public WebApplication Host { get; }

    public GrpcChannel Channel { get; }

    public RegistryService.RegistryServiceClient Registry { get; }

    /// <summary>The signing key file every node of this test process shares, created on first use and removed at exit.</summary>
    public static readonly string KeyFile = CreateKeyFile();

    /// <summary>
    /// Settings every node gets: the shared key; no dashboard (its fixed port would collide between nodes); and no rate
    /// limit, since the fault and load tests call as fast as they can as one subject (the limit has its own tests).
    /// </summary>
    public static readonly string[] Settings =
        [$"--Planering:Auth:SigningKeyFile={KeyFile}", "--Planering:Dashboard:Port=0", "--Planering:Web:Port=0", "--Planering:RateLimit:PermitsPerSecond=0"];

    /// <summary>A token with every role, good at every node; minted as <c>mint-token</c> mints it.</summary>
    public static readonly string Token = PlaneringTestHost.MintToken(Settings, "cluster-tests", [.. ApiRoles.All]);

    public SchedulingService.SchedulingServiceClient Scheduling { get; }

    /// <summary>The host's own view of the cluster, for what the public API does not show (where a grain lives, membership).</summary>
    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address in the cluster; null for a stand-alone gateway.</summary>
    public SiloAddress? SiloAddress { get; }

    /// <summary>What the silo reported as fatal (for example being declared dead while alive); empty when healthy.</summary>
    public IReadOnlyCollection<string> FatalErrors => Host.Services.GetService<TestSilo.FatalErrors>()?.Reports ?? [];

    /// <summary>A silo on PostgreSQL storage; in <paramref name="mode"/> <c>AdoNet</c> it joins <paramref name="clusterId"/>'s membership.</summary>
    public static Task<Node> StartSiloAsync(string connectionString, ClusterMode mode, string clusterId, bool seed = false) =>
        StartAsync(PlaneringHost.Build(SiloArguments(connectionString, mode, clusterId, seed, FreePort.Next()), TestSilo.Configure));

    /// <summary>The command line of a silo on PostgreSQL storage, as an operator would give it.</summary>
    public static string[] SiloArguments(string connectionString, ClusterMode mode, string clusterId, bool seed, int siloPort, int apiPort = 0) =>
    [
        "--Planering:Storage:Provider=PostgreSql",
        $"--Planering:Storage:PostgreSqlConnectionString={connectionString}",
        $"--Planering:Cluster:Mode={mode}",
        $"--Planering:Cluster:ClusterId={clusterId}",
        $"--Planering:Cluster:SiloPort={siloPort}",
        $"--Planering:Cluster:GatewayPort={FreePort.Next()}",
        $"--Planering:Api:Port={apiPort}",
        $"--Planering:Seed:Enabled={seed}",
        .. Settings,
    ];

    /// <summary>A stand-alone gateway that finds the silos of <paramref name="clusterId"/> in the PostgreSQL membership table.</summary>
    public static Task<Node> StartGatewayAsync(string connectionString, string clusterId) =>
        StartAsync(GatewayHost.Build([
            $"--Planering:Storage:PostgreSqlConnectionString={connectionString}",
            "--Planering:Cluster:Mode=AdoNet",
            $"--Planering:Cluster:ClusterId={clusterId}",
            "--Planering:Api:Port=0",
            .. Settings,
        ]));

    /// <summary>The silos this silo's membership view holds Active now.</summary>
    public IEnumerable<SiloAddress> ActiveSilos() =>
        Host.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);

    /// <summary>Waits until this silo sees <paramref name="count"/> active silos, so calls are not routed by a stale view.</summary>
    public async Task WaitForActiveSilosAsync(int count)
    {
        var membership = Host.Services.GetRequiredService<IClusterMembershipService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == count)
            {
                return;
            }
        }
    }

    /// <summary>The silo where the grain behind <paramref name="grain"/> is active now, as the cluster's directory says.</summary>
    public async Task<SiloAddress?> WhereIsAsync(IAddressable grain) =>
        await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();

        // A stand-alone gateway may still hold calls sent to a silo that was killed: Orleans' client waits its response
        // timeout (30 s) for those. A test does not wait that long to stop it; silos stop gracefully, unhurried.
        using var patience = new CancellationTokenSource(SiloAddress is null ? TimeSpan.FromSeconds(3) : Timeout.InfiniteTimeSpan);
        await Host.StopAsync(patience.Token);
        await Host.DisposeAsync();
    }

    private static async Task<Node> StartAsync(WebApplication host)
    {
        await host.StartAsync();
        return new Node(host);
    }

    private static string CreateKeyFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"planering-cluster-tests-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        var path = Path.Combine(directory, AuthOptions.DefaultKeyFileName);
        SigningKeys.LoadOrCreate(path);
        return path;
    }

}
