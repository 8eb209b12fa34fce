using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.Silo;

namespace Planering.Cluster.Tests;

/// <summary>
/// One process of the topology, started in this test process exactly as its Program.cs starts it: a silo with the
/// co-hosted API, or a stand-alone gateway. Tests talk to it over real gRPC on loopback.
/// </summary>
public sealed class Node : IAsyncDisposable
{
    private Node(WebApplication host)
    {
        Host = host;
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Channel = GrpcChannel.ForAddress(address);
        Registry = new RegistryService.RegistryServiceClient(Channel);
        Scheduling = new SchedulingService.SchedulingServiceClient(Channel);
    }

    public WebApplication Host { get; }

    public GrpcChannel Channel { get; }

    public RegistryService.RegistryServiceClient Registry { get; }

    public SchedulingService.SchedulingServiceClient Scheduling { get; }

    /// <summary>The silo's address in the cluster; null for a stand-alone gateway.</summary>
    public SiloAddress? SiloAddress => Host.Services.GetService<ILocalSiloDetails>()?.SiloAddress;

    /// <summary>What the silo reported as fatal (for example being declared dead while alive); empty when healthy.</summary>
    public IReadOnlyCollection<string> FatalErrors => Host.Services.GetService<TestSilo.FatalErrors>()?.Reports ?? [];

    /// <summary>True once <see cref="KillAsync"/> has run: the host is gone and must not be stopped again.</summary>
    public bool Killed { get; private set; }

    /// <summary>A silo on PostgreSQL storage; in <paramref name="mode"/> <c>AdoNet</c> it joins <paramref name="clusterId"/>'s membership.</summary>
    public static Task<Node> StartSiloAsync(string connectionString, ClusterMode mode, string clusterId, bool seed = false) =>
        StartAsync(PlaneringHost.Build([
            "--Planering:Storage:Provider=PostgreSql",
            $"--Planering:Storage:PostgreSqlConnectionString={connectionString}",
            $"--Planering:Cluster:Mode={mode}",
            $"--Planering:Cluster:ClusterId={clusterId}",
            $"--Planering:Cluster:SiloPort={FreePort()}",
            $"--Planering:Cluster:GatewayPort={FreePort()}",
            "--Planering:Api:Port=0",
            $"--Planering:Seed:Enabled={seed}",
        ], TestSilo.Configure));

    /// <summary>A stand-alone gateway that finds the silos of <paramref name="clusterId"/> in the PostgreSQL membership table.</summary>
    public static Task<Node> StartGatewayAsync(string connectionString, string clusterId) =>
        StartAsync(GatewayHost.Build([
            $"--Planering:Storage:PostgreSqlConnectionString={connectionString}",
            "--Planering:Cluster:Mode=AdoNet",
            $"--Planering:Cluster:ClusterId={clusterId}",
            "--Planering:Api:Port=0",
        ]));

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
        await Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetActivationAddress(grain);

    /// <summary>
    /// Kills this silo the way a crash would, as near as one process allows: the host is disposed without being stopped,
    /// so no shutdown stage runs: no grain is deactivated, the gateway sends its clients no goodbye, and the membership
    /// table is never told (the entry stays Active until the other silos vote it dead). Disposing closes the silo's
    /// sockets, which is what the operating system does for a killed process, and stops its timers and probes.
    /// </summary>
    public async Task KillAsync()
    {
        Killed = true;
        Channel.Dispose();
        await Host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (Killed)
        {
            return;
        }

        Channel.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }

    private static async Task<Node> StartAsync(WebApplication host)
    {
        await host.StartAsync();
        return new Node(host);
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
