using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Planering.Gateway.Hosting;

namespace Planering.Silo.Clustering;

/// <summary>Joins the silo to its cluster as <see cref="PlaneringClusterOptions.Mode"/> says.</summary>
public static class SiloClustering
{
    public static ISiloBuilder UsePlaneringClustering(this ISiloBuilder silo, PlaneringClusterOptions cluster, string? postgreSqlConnectionString)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        silo.UsePlaneringFailureHandling(cluster);
        if (cluster.Mode == ClusterMode.Localhost)
        {
            return silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        silo.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = cluster.ServiceId;
            o.ClusterId = cluster.ClusterId;
        });

        // The silo listens where it advertises: on loopback for the local script, on the container's own address in compose.
        silo.ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort);
        return silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgreSql.Invariant;
            o.ConnectionString = postgreSqlConnectionString;
        });
    }

    /// <summary>
    /// How fast a crashed silo is found out, how long a call waits for a silo that may be dead, and which directory the
    /// silos share (the reasoning and the false-positive cost: docs/cluster-availability.md). Registered with
    /// <c>Configure</c>, so a host (a test) may still override a value after this.
    /// </summary>
    public static ISiloBuilder UsePlaneringFailureHandling(this ISiloBuilder silo, PlaneringClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = cluster.ProbeTimeout;
            membership.NumMissedProbesLimit = cluster.MissedProbesLimit;
        });
        silo.Configure<SiloMessagingOptions>(messaging =>
        {
            messaging.ResponseTimeout = cluster.ResponseTimeout;

            // Directory lookups and other runtime-internal calls: the same bound, so a lookup sent to a silo that just
            // died does not hold an application call for Orleans' 30 s.
            messaging.SystemResponseTimeout = cluster.ResponseTimeout;
        });
        if (cluster.GrainDirectory == GrainDirectoryKind.Distributed)
        {
            // Experimental in Orleans 10.4.2 (ORLEANSEXP003): offered as a setting for measurement, never the default.
#pragma warning disable ORLEANSEXP003
            silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        }

        return silo;
    }

    /// <summary>The advertised address as an IP: taken as given, or a host name resolved once at start.</summary>
    public static IPAddress AdvertisedAddress(PlaneringClusterOptions cluster)
    {
        if (IPAddress.TryParse(cluster.AdvertisedAddress, out var address))
        {
            return address;
        }

        var setting = $"{PlaneringClusterOptions.Section}:AdvertisedAddress";
        try
        {
            return Dns.GetHostAddresses(cluster.AdvertisedAddress).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new OptionsValidationException(setting, typeof(PlaneringClusterOptions), [$"{setting} '{cluster.AdvertisedAddress}' has no IPv4 address"]);
        }
        catch (SocketException exception)
        {
            throw new OptionsValidationException(setting, typeof(PlaneringClusterOptions), [$"{setting} '{cluster.AdvertisedAddress}' does not resolve: {exception.Message}"]);
        }
    }
}
