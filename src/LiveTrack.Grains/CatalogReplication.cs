using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Grains;

/// <summary>Tells every active silo's <see cref="ICatalogReplicaService"/> that fences or rules changed.</summary>
public sealed class CatalogReplication(IServiceProvider services, IClusterMembershipService membership)
{
    private CatalogReplicaClient Replicas => services.GetRequiredService<CatalogReplicaClient>();

    public Task Announce(CatalogChange[] changes) =>
        Task.WhenAll(membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => Replicas.On(m.SiloAddress).Apply(changes)));
}
