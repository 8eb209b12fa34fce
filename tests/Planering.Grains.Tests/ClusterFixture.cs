using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using Planering.Grains.Hosting;
using Planering.Silo.Storage;
using Planering.TestSupport;

namespace Planering.Grains.Tests;

/// <summary>
/// A TestingHost cluster whose grain storage is Orleans' real ADO.NET provider on a real SQLite file of its own, with a
/// fake clock. Shared by every test in the collection; tests use their own keys. The fake clock drives what grains see:
/// <c>TimeProvider</c> in grains and grain timers (Orleans resolves the timers' clock as the default provider); the silo's
/// own background loops (membership, messaging, activation collection) stay on real time, so advancing the clock fires
/// only the grains' timers (Orleans' <c>UseTimeProviderForBackgroundAreas</c>, as its FakeTimeSilo tests do). One
/// exception, Orleans' own: the stream pulling agent pumps its queue with a grain timer, so plan-change events reach the
/// forecast grain only when the clock moves past <see cref="StreamPump"/> (a clock that never moves delivers none).
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    private const string FixtureKey = "Planering:Test:Fixture";

    // The silo configurators are made by type, so they find their fixture through the cluster's configuration.
    private static readonly ConcurrentDictionary<string, ClusterFixture> Fixtures = new(StringComparer.Ordinal);

    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly short _silos;

    public ClusterFixture()
        : this(Clock, silos: 2)
    {
    }

    protected ClusterFixture(FakeTimeProvider clock, short silos)
    {
        Time = clock;
        _silos = silos;
        DatabasePath = Path.Combine(Path.GetTempPath(), $"planering-grains-{_id}", "grains.db");
    }

    /// <summary>How often, on the fake clock, the memory streams' pulling agent reads its queue: a step small next to any timer under test.</summary>
    public static readonly TimeSpan StreamPump = TimeSpan.FromMilliseconds(1);

    /// <summary>The clock of the shared "cluster" collection (never advanced there).</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>This cluster's clock.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>What the grains logged (Debug and above for Planering's own categories).</summary>
    public LogCollector Logs { get; } = new(LogLevel.Debug);

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    private string DatabasePath { get; }

    public async Task InitializeAsync()
    {
        Fixtures[_id] = this;
        SqliteSchema.Apply(DatabasePath);
        var builder = new TestClusterBuilder(_silos);
        builder.Properties[FixtureKey] = _id;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Fixtures.TryRemove(_id, out _);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        private const string RealStorage = "planering-adonet";

        public void Configure(ISiloBuilder siloBuilder)
        {
            var fixture = Fixtures[siloBuilder.Configuration[FixtureKey]!];
            foreach (var name in new[] { RealStorage, StorageNames.PubSub })
            {
                siloBuilder.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = SqliteSchema.OrleansInvariant;
                    options.ConnectionString = SqliteSchema.ConnectionString(fixture.DatabasePath);
                });
            }

            // Planering's grains write through a wrapper that tests can tell to fail a write.
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Planering, (services, _) =>
                new FaultInjectingStorage(services.GetRequiredKeyedService<IGrainStorage>(RealStorage)));

            siloBuilder.AddMemoryStreams(StorageNames.Streams, streams =>
                streams.ConfigurePullingAgent(agent => agent.Configure(options => options.GetQueueMsgsTimerPeriod = StreamPump)));
            siloBuilder.Services.AddSingleton<TimeProvider>(fixture.Time);
            siloBuilder.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            siloBuilder.Services.AddLogging(logging => logging.AddProvider(fixture.Logs).AddFilter<LogCollector>((category, level) => level >= LogLevel.Debug && category?.StartsWith("Planering", StringComparison.Ordinal) == true));
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
