using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveTrack.Grains;

/// <summary>
/// Keeps one traffic observer per silo. Read every few seconds by each silo's publisher, written when a silo's
/// registrar refreshes its entry: never on the per-position path. Entries of silos that are no longer active
/// members, or that stopped refreshing, are dropped.
/// </summary>
[GrainType("traffic-observer-directory")]
public sealed class TrafficObserverDirectoryGrain(
    IClusterMembershipService membership,
    TimeProvider timeProvider,
    IOptions<FanoutOptions> options,
    ILogger<TrafficObserverDirectoryGrain> logger) : Grain, ITrafficObserverDirectoryGrain
{
    private readonly Dictionary<SiloAddress, (ITrafficObserver Observer, DateTimeOffset RegisteredAt)> entries = [];

    public Task Register(SiloAddress silo, ITrafficObserver observer)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!entries.ContainsKey(silo))
        {
            FanoutLog.ObserverRegistered(logger, silo);
        }

        entries[silo] = (observer, timeProvider.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Unregister(SiloAddress silo)
    {
        entries.Remove(silo);
        return Task.CompletedTask;
    }

    public Task<ITrafficObserver[]> GetObservers()
    {
        var snapshot = membership.CurrentSnapshot;
        var expiry = timeProvider.GetUtcNow() - (3 * options.Value.RegistrationInterval);
        foreach (var (silo, entry) in entries.ToArray())
        {
            var status = snapshot.GetSiloStatus(silo);
            if (status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping || entry.RegisteredAt < expiry)
            {
                entries.Remove(silo);
                FanoutLog.ObserverDropped(logger, silo, status);
            }
        }

        return Task.FromResult(entries.Values.Select(e => e.Observer).ToArray());
    }
}
