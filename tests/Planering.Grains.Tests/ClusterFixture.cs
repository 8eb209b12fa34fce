using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using Planering.Grains.Hosting;
using Planering.Silo.Storage;

namespace Planering.Grains.Tests;

/// <summary>
/// A two-silo TestingHost cluster whose grain storage is Orleans' real ADO.NET provider on a real SQLite file, with a
/// fake clock. Shared by every test in the collection; tests use their own keys.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly string DatabasePath = Path.Combine(Path.GetTempPath(), $"planering-grains-{Guid.NewGuid():N}", "grains.db");

    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        SqliteSchema.Apply(DatabasePath);
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        private const string RealStorage = "planering-adonet";

        public void Configure(ISiloBuilder siloBuilder)
        {
            foreach (var name in new[] { RealStorage, StorageNames.PubSub })
            {
                siloBuilder.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = SqliteSchema.OrleansInvariant;
                    options.ConnectionString = SqliteSchema.ConnectionString(DatabasePath);
                });
            }

            // Planering's grains write through a wrapper that tests can tell to fail a write.
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Planering, (services, _) =>
                new FaultInjectingStorage(services.GetRequiredKeyedService<IGrainStorage>(RealStorage)));

            siloBuilder.AddMemoryStreams(StorageNames.Streams);
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock);
            siloBuilder.Services.AddPlaneringSerialization();
            siloBuilder.Services.AddPlaneringGrainStateSerializer();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.AddPlaneringSerialization();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
