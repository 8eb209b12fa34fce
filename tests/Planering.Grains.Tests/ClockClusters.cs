using Microsoft.Extensions.Time.Testing;

namespace Planering.Grains.Tests;

/// <summary>
/// A one-silo cluster of its own whose fake clock the tests advance: advancing fires every timer that is due, so the
/// shared "cluster" collection (whose clock never moves) would see re-solves it never asked for. Scenario expiry and
/// the planning re-solve run here.
/// </summary>
public sealed class PlanningClockFixture() : ClusterFixture(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), silos: 1);

/// <summary>
/// The forecast's own clock cluster: the live forecast hears every plan change in its cluster, so only the forecast
/// tests may make changes here (no huvudmän: a re-solve moves nobody and announces nothing).
/// </summary>
public sealed class ForecastClockFixture() : ClusterFixture(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), silos: 1);

[CollectionDefinition(Name)]
public sealed class PlanningClock : ICollectionFixture<PlanningClockFixture>
{
    public const string Name = "planning-clock";
}

[CollectionDefinition(Name)]
public sealed class ForecastClock : ICollectionFixture<ForecastClockFixture>
{
    public const string Name = "forecast-clock";
}
