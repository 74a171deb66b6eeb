using LiveTrack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Cluster;

/// <summary>Prepares the cluster database at the silo's first lifecycle stage: before membership, reminders or storage use it.</summary>
internal sealed class ClusterSchemaStartup(IOptions<LiveTrackClusterOptions> options) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterSchemaStartup), ServiceLifecycleStage.First, ct => ClusterSchema.PrepareAsync(options.Value, ct));
}
