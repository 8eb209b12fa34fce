namespace Planering.Gateway.Hosting;

/// <summary>
/// How silos find each other and clients find the silos (section <c>Planering:Cluster</c>). The embedded default is
/// one silo on localhost; <see cref="ClusterMode.AdoNet"/> keeps the membership in PostgreSQL.
/// </summary>
public sealed class PlaneringClusterOptions
{
    public const string Section = "Planering:Cluster";

    /// <summary><c>Localhost</c> or <c>AdoNet</c> (env <c>Planering__Cluster__Mode</c>).</summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Localhost;

    /// <summary>Names this deployment's data; must stay the same across restarts (env <c>Planering__Cluster__ServiceId</c>).</summary>
    public string ServiceId { get; set; } = "planering";

    /// <summary>Names one running cluster (env <c>Planering__Cluster__ClusterId</c>).</summary>
    public string ClusterId { get; set; } = "planering-local";

    /// <summary>Silo-to-silo port (env <c>Planering__Cluster__SiloPort</c>); <c>0</c>: a free port the silo picks at start.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Port where Orleans clients, such as a stand-alone gateway, connect (env <c>Planering__Cluster__GatewayPort</c>);
    /// <c>0</c>: a free port the silo picks at start. A stand-alone gateway needs the silo's real port here.
    /// </summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// In <c>AdoNet</c> mode, the address other silos and gateways reach this silo at: an IP address, or a host name
    /// resolved at start (a compose service name, say) (env <c>Planering__Cluster__AdvertisedAddress</c>).
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Orleans' initial liveness probe timeout and period (env <c>Planering__Cluster__ProbeTimeout</c>, default 1 s
    /// against Orleans' 5 s). Orleans adapts the effective timeout between half and four times this value from the
    /// probes' observed round trips. With <see cref="MissedProbesLimit"/> it sets how soon a crashed silo is declared
    /// dead, and until then the grains whose directory entries that silo held cannot be found: see docs/cluster-availability.md.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row before a silo votes another dead (env <c>Planering__Cluster__MissedProbesLimit</c>; Orleans' default, 3).</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// How long a grain call waits for its answer before it ends as UNAVAILABLE, in silos and in the stand-alone gateway
    /// (env <c>Planering__Cluster__ResponseTimeout</c>; default 10 s against Orleans' 30 s). A silo that crashes ends the
    /// calls waiting for it sooner: silos break them when they declare it dead, the stand-alone gateway when its
    /// connection to it drops (<see cref="SiloLossSignal"/>). This bound is for a silo that hangs without closing its
    /// connections, and stays inside a caller's usual 15 s deadline. Measured: 5 s already cut off first calls on a
    /// freshly started cluster on this busy 2-core machine. A grain method that may run longer than this says so with
    /// Orleans' <c>[ResponseTimeout]</c> attribute: the planning, scenario, site-ranking and forecast computations and
    /// the school-calendar import carry 30 s, the timeout they were sized against.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the API itself sends a call again when Orleans rejected it because a silo is gone, before it answers
    /// UNAVAILABLE (env <c>Planering__Cluster__RetryWindow</c>; default 3 s, twice the measured detection time of a
    /// killed silo; <c>0</c> turns it off). See <see cref="Errors.ClusterRetryInterceptor"/>.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Which Orleans grain directory the silos use (env <c>Planering__Cluster__GrainDirectory</c>); every silo of a cluster must use the same.</summary>
    public GrainDirectoryKind GrainDirectory { get; set; } = GrainDirectoryKind.Default;

    /// <summary>Bounds of the failure-detection settings: below them a busy machine declares healthy silos dead; above them a crash stalls for minutes.</summary>
    public static readonly TimeSpan MinProbeTimeout = TimeSpan.FromMilliseconds(200), MaxProbeTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan MinResponseTimeout = TimeSpan.FromSeconds(1), MaxResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long, at most, a crashed silo goes undetected with these settings, before the death vote is written:
    /// <see cref="MissedProbesLimit"/> probes, each up to Orleans' effective maximum of four times <see cref="ProbeTimeout"/>.
    /// </summary>
    public TimeSpan WorstCaseDetection => TimeSpan.FromTicks(ProbeTimeout.Ticks * 4 * MissedProbesLimit);

    /// <summary>
    /// These options with a port of 0 replaced by a loopback port free right now. Orleans advertises the port it is
    /// configured with, so it cannot bind 0 itself: the silo asks the system for a free port once, at start.
    /// </summary>
    public PlaneringClusterOptions WithFreePorts()
    {
        var copy = (PlaneringClusterOptions)MemberwiseClone();
        copy.SiloPort = SiloPort == 0 ? FreeLoopbackPort() : SiloPort;
        copy.GatewayPort = GatewayPort == 0 ? FreeLoopbackPort() : GatewayPort;
        return copy;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="postgreSqlConnectionString">The value of <see cref="PostgreSql.ConnectionStringSetting"/>, which <c>AdoNet</c> mode needs.</param>
    public IEnumerable<string> Problems(string? postgreSqlConnectionString)
    {
        if (!Enum.IsDefined(Mode))
        {
            yield return $"{Section}:Mode must be {string.Join(" or ", Enum.GetNames<ClusterMode>())}";
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return $"{Section}:ServiceId must not be empty";
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return $"{Section}:ClusterId must not be empty";
        }

        // 0 is "pick a free one" (WithFreePorts), which tests and throwaway local silos use: never a collision.
        if (SiloPort is < 0 or > 65535 || GatewayPort is < 0 or > 65535 || (SiloPort == GatewayPort && SiloPort != 0))
        {
            yield return $"{Section}:SiloPort and GatewayPort must be two different TCP ports (0: a free port picked at start)";
        }

        if (ProbeTimeout < MinProbeTimeout || ProbeTimeout > MaxProbeTimeout)
        {
            yield return $"{Section}:ProbeTimeout '{ProbeTimeout}' must be between {MinProbeTimeout} and {MaxProbeTimeout}";
        }

        if (MissedProbesLimit is < 1 or > 10)
        {
            yield return $"{Section}:MissedProbesLimit '{MissedProbesLimit}' must be a whole number from 1 to 10";
        }

        if (ResponseTimeout < MinResponseTimeout || ResponseTimeout > MaxResponseTimeout)
        {
            yield return $"{Section}:ResponseTimeout '{ResponseTimeout}' must be between {MinResponseTimeout} and {MaxResponseTimeout}";
        }

        if (RetryWindow < TimeSpan.Zero || RetryWindow > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:RetryWindow '{RetryWindow}' must be between 00:00:00 (off) and 00:01:00";
        }

        if (!Enum.IsDefined(GrainDirectory))
        {
            yield return $"{Section}:GrainDirectory must be {string.Join(" or ", Enum.GetNames<GrainDirectoryKind>())}";
        }

        if (Mode == ClusterMode.AdoNet)
        {
            if (Uri.CheckHostName(AdvertisedAddress) == UriHostNameType.Unknown)
            {
                yield return $"{Section}:AdvertisedAddress '{AdvertisedAddress}' is neither an IP address nor a host name";
            }

            foreach (var problem in PostgreSql.Problems(postgreSqlConnectionString, $"{Section}:Mode=AdoNet"))
            {
                yield return problem;
            }
        }
    }
}
