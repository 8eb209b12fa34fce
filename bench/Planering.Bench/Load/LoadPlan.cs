namespace Planering.Bench.Load;

/// <summary>
/// How one load run goes: <see cref="Callers"/> concurrent callers, each issuing its next call as soon as the previous
/// one answered; a warm-up that is not measured; then a measured window that ends after <see cref="Duration"/> or, if
/// given, after <see cref="Requests"/> calls, whichever comes first.
/// </summary>
public sealed record LoadPlan(string Name, int Callers, TimeSpan WarmUp, TimeSpan Duration, long? Requests = null)
{
    public static LoadPlan Timed(string name, int callers, TimeSpan warmUp, TimeSpan duration) => new(name, callers, warmUp, duration);

    /// <summary>A fixed number of calls; the duration only bounds a run against a server that has stopped answering.</summary>
    public static LoadPlan Counted(string name, int callers, long requests, TimeSpan warmUp) => new(name, callers, warmUp, TimeSpan.FromMinutes(2), requests);
}
