using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Planering.Gateway.Telemetry;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;

namespace Planering.Gateway.Hosting;

/// <summary>
/// The stand-alone gateway: a stateless Orleans client of a running cluster serving the same gRPC API as the
/// co-hosted default. Several can run side by side; in <c>AdoNet</c> mode each finds the silos in the PostgreSQL
/// membership table, so silos may come and go without reconfiguring the gateways.
/// </summary>
public static class GatewayHost
{
    /// <param name="args">The command line (settings as <c>--Planering:…=…</c>).</param>
    /// <param name="clock">The wall clock the API reads ("today" in Europe/Stockholm, token lifetimes); the system clock
    /// unless given (a test gives one to check what the API does at a chosen instant).</param>
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var postgreSql = builder.Configuration[PostgreSql.ConnectionStringSetting];
        var cluster = OptionsCheck.Read<PlaneringClusterOptions>(builder.Configuration, PlaneringClusterOptions.Section, o => ClientProblems(o, postgreSql));
        builder.Services.TryAddSingleton(clock ?? TimeProvider.System);
        var telemetry = TelemetrySetup.Read(builder.Configuration);
        var siloLoss = new SiloLossSignal();
        builder.Services.AddSingleton(siloLoss);
        builder.UseOrleansClient(client =>
        {
            if (cluster.Mode == ClusterMode.AdoNet)
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ServiceId = cluster.ServiceId;
                    o.ClusterId = cluster.ClusterId;
                });
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgreSql.Invariant;
                    o.ConnectionString = postgreSql;
                });
                client.UseConnectionRetryFilter<ClusterConnectRetry>();
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }

            // A call in flight to a silo that dies ends as UNAVAILABLE after this, not after Orleans' 30 s.
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = cluster.ResponseTimeout);
            client.AddClusterConnectionStatusObserver(siloLoss);
            client.Services.AddPlaneringSerialization();
            client.AddMemoryStreams(PlanEvents.StreamProvider);
            if (telemetry.Exports)
            {
                client.AddActivityPropagation();
            }
        });
        builder.AddPlaneringGateway();

        var app = builder.Build();
        app.MapPlaneringGateway();
        return app;
    }

    /// <summary>A client cannot pick the silo's port: in <c>Localhost</c> mode it must be told the real one.</summary>
    private static IEnumerable<string> ClientProblems(PlaneringClusterOptions cluster, string? postgreSql)
    {
        foreach (var problem in cluster.Problems(postgreSql))
        {
            yield return problem;
        }

        if (cluster.Mode == ClusterMode.Localhost && cluster.GatewayPort == 0)
        {
            yield return $"{PlaneringClusterOptions.Section}:GatewayPort must be the silo's gateway port, not 0, for a stand-alone gateway";
        }
    }
}
