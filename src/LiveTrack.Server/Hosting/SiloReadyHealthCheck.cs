using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveTrack.Server.Hosting;

/// <summary>Ready when this server's silo is an active member of the cluster.</summary>
internal sealed class SiloReadyHealthCheck(IClusterMembershipService membership, ILocalSiloDetails localSilo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(localSilo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {localSilo.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {localSilo.SiloAddress} is {status}."));
    }
}
