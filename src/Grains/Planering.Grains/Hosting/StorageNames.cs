namespace Planering.Grains.Hosting;

/// <summary>The grain storage providers the silo must configure.</summary>
public static class StorageNames
{
    /// <summary>Planering's own grain state.</summary>
    public const string Planering = "planering";

    /// <summary>Orleans streams' subscription store (the name Orleans looks for).</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>The stream provider for Planering's events.</summary>
    public const string Streams = Forecasting.PlanEvents.StreamProvider;
}
