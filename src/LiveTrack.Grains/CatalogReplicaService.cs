using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Grains;

/// <summary>Hands catalog changes to this silo's replicas, by catalog.</summary>
internal sealed class CatalogReplicaService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, IServiceProvider services)
    : GrainService(grainId, silo, loggerFactory), ICatalogReplicaService
{
    private readonly Dictionary<CatalogKind, ICatalogReplica> replicas = services.GetServices<ICatalogReplica>().ToDictionary(r => r.Kind);

    public Task Apply(CatalogChange[] changes) =>
        Task.WhenAll(changes.GroupBy(c => c.Catalog)
            .Where(g => replicas.ContainsKey(g.Key))
            .Select(g => replicas[g.Key].Apply([.. g])));
}
