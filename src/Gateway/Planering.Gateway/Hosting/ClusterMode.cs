namespace Planering.Gateway.Hosting;

/// <summary>How silos find each other and how a stand-alone gateway finds the silos.</summary>
public enum ClusterMode
{
    /// <summary>One silo on this machine at fixed ports: the embedded default, nothing to install.</summary>
    Localhost,

    /// <summary>Membership in PostgreSQL (Orleans' ADO.NET clustering): any number of silos and gateways, on any machines.</summary>
    AdoNet,
}
