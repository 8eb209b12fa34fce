namespace Planering.Gateway.Hosting;

/// <summary>
/// How silos find each other and clients find the silos (section <c>Planering:Cluster</c>). The embedded default is
/// one silo on localhost.
/// </summary>
public sealed class PlaneringClusterOptions
{
    public const string Section = "Planering:Cluster";

    /// <summary>Names this deployment's data; must stay the same across restarts (env <c>Planering__Cluster__ServiceId</c>).</summary>
    public string ServiceId { get; set; } = "planering";

    /// <summary>Names one running cluster (env <c>Planering__Cluster__ClusterId</c>).</summary>
    public string ClusterId { get; set; } = "planering-local";

    /// <summary>Silo-to-silo port (env <c>Planering__Cluster__SiloPort</c>).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port where Orleans clients, such as a stand-alone gateway, connect (env <c>Planering__Cluster__GatewayPort</c>).</summary>
    public int GatewayPort { get; set; } = 30000;

    public IEnumerable<string> Problems()
    {
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
    }
}
