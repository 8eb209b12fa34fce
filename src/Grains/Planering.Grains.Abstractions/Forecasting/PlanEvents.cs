namespace Planering.Grains.Forecasting;

/// <summary>The Orleans streams Planering's events travel on.</summary>
public static class PlanEvents
{
    /// <summary>The stream provider silos and clients configure (memory streams with a persistent pub-sub store).</summary>
    public const string StreamProvider = "planering";

    /// <summary>Changes to the plan; the forecast grain subscribes implicitly (stream key: <see cref="NationalKey"/>).</summary>
    public const string PlanChangesNamespace = "plan-changes";

    /// <summary>Notifications that the live forecast was recomputed (stream key: <see cref="NationalKey"/>).</summary>
    public const string ForecastUpdatesNamespace = "forecast-updates";

    public const string NationalKey = "national";

    public static StreamId PlanChanges => StreamId.Create(PlanChangesNamespace, NationalKey);

    public static StreamId ForecastUpdates => StreamId.Create(ForecastUpdatesNamespace, NationalKey);
}
