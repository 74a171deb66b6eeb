using Orleans.Services;

namespace LiveTrack.Grains;

/// <summary>
/// One per silo, addressed by silo address: receives the cluster's fence and rule changes and hands them to this
/// silo's replica of the catalog (<see cref="ICatalogReplica"/>). Apart from the traffic relay: catalog changes are
/// rare, ordered by version and must never wait behind traffic.
/// </summary>
[Alias("livetrack.ICatalogReplicaService")]
public interface ICatalogReplicaService : IGrainService
{
    [Alias("Apply")]
    Task Apply(CatalogChange[] changes);
}
