using Orleans.Runtime.Services;

namespace LiveTrack.Grains;

/// <summary>Reaches the <see cref="ICatalogReplicaService"/> of a given silo.</summary>
internal sealed class CatalogReplicaClient(IServiceProvider services) : GrainServiceClient<ICatalogReplicaService>(services)
{
    public ICatalogReplicaService On(SiloAddress silo) => GetGrainService(silo);
}
