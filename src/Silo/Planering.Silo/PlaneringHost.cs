using Planering.Gateway.Hosting;
using Planering.Grains.Hosting;
using Planering.Silo.Configuration;
using Planering.Silo.Seeding;
using Planering.Silo.Storage;

namespace Planering.Silo;

/// <summary>
/// Builds the embedded default: one silo with localhost clustering, ADO.NET grain storage on a SQLite file, memory
/// streams with a persistent pub-sub store, the Swedish world seeded on first start, and the gRPC API co-hosted.
/// </summary>
public static class PlaneringHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var storage = OptionsCheck.Read<StorageOptions>(builder.Configuration, StorageOptions.Section, o => o.Problems());
        var cluster = OptionsCheck.Read<PlaneringClusterOptions>(builder.Configuration, PlaneringClusterOptions.Section, o => o.Problems());
        var seed = OptionsCheck.Read<SeedOptions>(builder.Configuration, SeedOptions.Section, SeedOptions.Problems);

        SqliteSchema.Apply(storage.SqlitePath);
        var connectionString = SqliteSchema.ConnectionString(storage.SqlitePath);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            foreach (var name in new[] { StorageNames.Planering, StorageNames.PubSub })
            {
                silo.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = SqliteSchema.OrleansInvariant;
                    options.ConnectionString = connectionString;
                });
            }

            silo.AddMemoryStreams(StorageNames.Streams);
            silo.Services.AddPlaneringSerialization();
            silo.Services.AddPlaneringGrainStateSerializer();
        });

        if (seed.Enabled)
        {
            builder.Services.AddHostedService<WorldSeeder>();
        }

        builder.AddPlaneringGateway();
        var app = builder.Build();
        app.MapPlaneringGateway();
        return app;
    }
}
