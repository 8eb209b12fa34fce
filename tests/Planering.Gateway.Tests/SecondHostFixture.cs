using Planering.TestSupport;

namespace Planering.Gateway.Tests;

/// <summary>
/// A second embedded host with what the shared one turns off or leaves at its default: a tight rate limit
/// (<see cref="Burst"/> calls at once, then one a second per caller), the dashboard on a free port, and telemetry on (exported to a port where no
/// collector listens: the exporter's failures stay in the background, and tests watch the activities in-process).
/// Nothing is seeded: these tests need no world, and the host starts in a few seconds.
/// </summary>
public sealed class SecondHostFixture : PlaneringTestHost, IAsyncLifetime
{
    public const int Burst = 3;

    public SecondHostFixture()
        : this(FreePort.Next())
    {
    }

    private SecondHostFixture(int dashboardPort)
        : base("second-host",
        [
            "--Planering:Seed:Enabled=false",
            $"--Planering:Dashboard:Port={dashboardPort}",
            "--Planering:RateLimit:PermitsPerSecond=1",
            $"--Planering:RateLimit:Burst={Burst}",
            $"--Planering:Telemetry:OtlpEndpoint=http://127.0.0.1:{FreePort.Next()}",
        ]) => DashboardPort = dashboardPort;

    /// <summary>The Orleans dashboard's port on 127.0.0.1.</summary>
    public int DashboardPort { get; }

    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SecondHost : ICollectionFixture<SecondHostFixture>
{
    public const string Name = "second-host";
}
