using Microsoft.Extensions.Diagnostics.HealthChecks;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;

namespace Planering.Gateway.Hosting;

/// <summary>Healthy when a grain of the cluster answers: the gateway alone being up is not enough to serve.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the Orleans cluster did not answer", exception);
        }
    }
}
