namespace Planering.Gateway.Limits;

/// <summary>
/// Per-caller rate limit (section <c>Planering:RateLimit</c>): a token bucket per token subject, or per remote IP
/// address for calls without a valid token. A call beyond it is RESOURCE_EXHAUSTED. Health, reflection aside, is never
/// limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Planering:RateLimit";

    /// <summary>
    /// Calls a caller may make per second, sustained; 0 turns the limit off (env <c>Planering__RateLimit__PermitsPerSecond</c>).
    /// The default leaves room for scripts and the management client; a runaway loop is what it stops.
    /// </summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Calls a caller may make at once after being quiet (env <c>Planering__RateLimit__Burst</c>).</summary>
    public int Burst { get; set; } = 400;

    public bool Enabled => PermitsPerSecond > 0;

    public IEnumerable<string> Problems()
    {
        if (PermitsPerSecond is < 0 or > 1_000_000)
        {
            yield return $"{Section}:PermitsPerSecond {PermitsPerSecond} must be between 0 (off) and 1000000";
        }

        if (Enabled && (Burst < 1 || Burst > 10_000_000))
        {
            yield return $"{Section}:Burst {Burst} must be between 1 and 10000000";
        }
    }
}
