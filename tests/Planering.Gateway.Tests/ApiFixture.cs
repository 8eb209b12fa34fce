using Microsoft.Extensions.Logging;
using Planering.TestSupport;

namespace Planering.Gateway.Tests;

/// <summary>
/// The embedded default as a user runs it (<see cref="PlaneringTestHost"/>): one silo with the Swedish world seeded into
/// a real SQLite file and the gRPC API co-hosted on a loopback port; tests call it over real HTTP/2 with a token of every
/// role. What the host logs (Information and above) is kept in <see cref="Logs"/> across restarts.
/// </summary>
public sealed class ApiFixture : PlaneringTestHost, IAsyncLifetime
{
    public ApiFixture()
        : this(new LogCollector())
    {
    }

    private ApiFixture(LogCollector logs)
        : base("api-tests", configure: builder => builder.Logging.AddProvider(logs)) => Logs = logs;

    /// <summary>What the host logged (Information and above), kept across restarts.</summary>
    public LogCollector Logs { get; }

    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SharedApi : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
