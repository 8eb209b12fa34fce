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

    /// <summary>Silo-to-silo port (env <c>Planering__Cluster__SiloPort</c>).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port where Orleans clients, such as a stand-alone gateway, connect (env <c>Planering__Cluster__GatewayPort</c>).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// In <c>AdoNet</c> mode, the address other silos and gateways reach this silo at: an IP address, or a host name
    /// resolved at start (a compose service name, say) (env <c>Planering__Cluster__AdvertisedAddress</c>).
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

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

        if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 || SiloPort == GatewayPort)
        {
            yield return $"{Section}:SiloPort and GatewayPort must be two different TCP ports";
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
