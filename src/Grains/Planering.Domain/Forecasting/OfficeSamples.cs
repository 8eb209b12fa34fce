namespace Planering.Domain.Forecasting;

/// <summary>The per-path figures of one office, laid out month by month so that each month's paths are contiguous.</summary>
/// <remarks>
/// Floats halve the memory (a month of 100,000 paths is 400 kB per figure) and keep seven significant digits, ample for
/// hours and shares. Means are summed in double, in path order, after the parallel loop, so they do not depend on threads.
/// </remarks>
internal sealed class OfficeSamples
{
    public OfficeSamples(int horizon, int paths)
    {
        Paths = paths;
        Demand = new float[horizon * paths];
        Capacity = new float[horizon * paths];
        Served = new float[horizon * paths];
        Utilisation = new float[horizon * paths];
        Backlog = new float[horizon * paths];
        Covered = new bool[paths];
    }

    public int Paths { get; }

    public float[] Demand { get; }

    public float[] Capacity { get; }

    public float[] Served { get; }

    public float[] Utilisation { get; }

    public float[] Backlog { get; }

    public bool[] Covered { get; }

    public int Index(int month, int path) => month * Paths + path;
}
