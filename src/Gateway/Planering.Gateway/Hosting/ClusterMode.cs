namespace Planering.Gateway.Hosting;

/// <summary>How silos find each other and how a stand-alone gateway finds the silos.</summary>
public enum ClusterMode
{
    /// <summary>One silo on this machine at fixed ports: the embedded default, nothing to install.</summary>
    Localhost,

    /// <summary>Membership in PostgreSQL (Orleans' ADO.NET clustering): any number of silos and gateways, on any machines.</summary>
    AdoNet,
}

/// <summary>The grain directory: where the cluster records which silo holds each grain's activation.</summary>
public enum GrainDirectoryKind
{
    /// <summary>
    /// Orleans' default: the eventually consistent in-memory directory, partitioned over the silos by a hash ring. A
    /// silo's crash loses its partition until the silo is declared dead; then the survivors own the range and grains
    /// register again as they are called.
    /// </summary>
    Default,

    /// <summary>
    /// Orleans' experimental strongly consistent directory (<c>AddDistributedGrainDirectory</c>). After a crash it
    /// refuses to register the dead silo's grains again for a lease (<c>GrainDirectoryOptions.RangeLeaseDuration</c>,
    /// 30 s, counted from the estimated moment of failure): no duplicate activation, at the price of that wait.
    /// </summary>
    Distributed,
}
