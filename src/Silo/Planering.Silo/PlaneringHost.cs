using Planering.Gateway.Hosting;
using Planering.Gateway.Telemetry;
using Planering.Grains.Hosting;
using Planering.Silo.Clustering;
using Planering.Silo.Configuration;
using Planering.Silo.Dashboard;
using Planering.Silo.Seeding;
using Planering.Silo.Storage;
using Planering.Silo.Web;

namespace Planering.Silo;

/// <summary>
/// Builds a silo with the gRPC API and the web app co-hosted. The embedded default is one silo with localhost clustering and ADO.NET
/// grain storage on a SQLite file; by configuration the state moves to PostgreSQL and the membership too (cluster mode).
/// Either way: memory streams with a persistent pub-sub store, and the Swedish world seeded on first start.
/// </summary>
public static class PlaneringHost
{
    /// <summary>The command-line flag that applies the database schema and exits, starting nothing.</summary>
    public const string ApplySchemaOnlyFlag = "--apply-schema-only";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        var (storage, cluster) = ReadOptions(builder.Configuration);
        var seed = OptionsCheck.Read<SeedOptions>(builder.Configuration, SeedOptions.Section, SeedOptions.Problems);
        var telemetry = TelemetrySetup.Read(builder.Configuration);

        builder.Services.AddSingleton(TimeProvider.System);
        var api = builder.AddPlaneringGateway("planering-silo");
        var dashboard = builder.ReadDashboardSettings(api);
        builder.AddPlaneringWeb(api);

        // Only once every setting has been read and found good: a start refused for a setting touches no database.
        string invariant, connectionString;
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            (invariant, connectionString) = (PostgreSql.Invariant, storage.PostgreSqlConnectionString!);
        }
        else
        {
            SqliteSchema.Apply(storage.SqlitePath);
            (invariant, connectionString) = (SqliteSchema.OrleansInvariant, SqliteSchema.ConnectionString(storage.SqlitePath));
        }
        builder.UseOrleans(silo =>
        {
            if (UsesPostgreSql(storage, cluster))
            {
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                    new PostgreSqlSchemaInstaller(storage.PostgreSqlConnectionString!, services.GetRequiredService<ILogger<PostgreSqlSchemaInstaller>>()));
            }

            silo.UsePlaneringClustering(cluster, storage.PostgreSqlConnectionString);
            foreach (var name in new[] { StorageNames.Planering, StorageNames.PubSub })
            {
                silo.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = invariant;
                    options.ConnectionString = connectionString;
                });
            }

            silo.AddMemoryStreams(StorageNames.Streams);
            silo.Services.AddPlaneringSerialization();
            silo.Services.AddPlaneringGrainStateSerializer();
            silo.AddPlaneringDashboard(dashboard);
            if (telemetry.Exports)
            {
                silo.AddActivityPropagation();
            }
        });

        if (seed.Enabled)
        {
            builder.Services.AddHostedService<WorldSeeder>();
        }

        var app = builder.Build();
        app.MapPlaneringGateway();
        return app;
    }

    /// <summary>
    /// <c>--apply-schema-only</c>: brings the configured database's schema up to date and returns, for an operator who
    /// prepares the database before the first silo starts (or whose silos may not run DDL).
    /// </summary>
    public static async Task ApplySchemaAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != ApplySchemaOnlyFlag).ToArray());
        var (storage, cluster) = ReadOptions(builder.Configuration);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            SqliteSchema.Apply(storage.SqlitePath);
        }

        if (UsesPostgreSql(storage, cluster))
        {
            using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
            await PostgreSqlSchema.ApplyAsync(storage.PostgreSqlConnectionString!, loggers.CreateLogger(typeof(PostgreSqlSchema)), cancellationToken);
        }
    }

    private static (StorageOptions Storage, PlaneringClusterOptions Cluster) ReadOptions(IConfiguration configuration)
    {
        var storage = OptionsCheck.Read<StorageOptions>(configuration, StorageOptions.Section, o => o.Problems());
        var cluster = OptionsCheck.Read<PlaneringClusterOptions>(configuration, PlaneringClusterOptions.Section, o => o.Problems(storage.PostgreSqlConnectionString));
        return (storage, cluster.WithFreePorts());
    }

    private static bool UsesPostgreSql(StorageOptions storage, PlaneringClusterOptions cluster) =>
        storage.Provider == StorageProvider.PostgreSql || cluster.Mode == ClusterMode.AdoNet;
}
