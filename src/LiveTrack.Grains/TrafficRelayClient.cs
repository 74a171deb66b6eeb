using Orleans.Runtime.Services;

namespace LiveTrack.Grains;

/// <summary>Reaches the <see cref="ITrafficRelayService"/> of a given silo.</summary>
internal sealed class TrafficRelayClient(IServiceProvider services) : GrainServiceClient<ITrafficRelayService>(services)
{
    public ITrafficRelayService On(SiloAddress silo) => GetGrainService(silo);
}
