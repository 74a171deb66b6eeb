using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.Grains;

/// <summary>
/// Publishes the silo's coalesced traffic changes to every active silo's relay on a short timer, with a final flush
/// when the silo stops. Receivers are the current cluster membership; a failing or slow silo costs that silo its
/// batch (logged), never the others, and never blocks aircraft grains, which only write to the
/// <see cref="ITrafficOutbox"/>.
/// </summary>
internal sealed class TrafficPublisher(
    ITrafficOutbox outbox,
    TrafficRelayClient relays,
    IClusterMembershipService membership,
    IOptions<FanoutOptions> options,
    ILogger<TrafficPublisher> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan RelayCallTimeout = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public void Dispose() => stopping.Dispose();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TrafficPublisher), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        loop = Task.Run(() => Run(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Final flush: lost notices and last positions still pending reach the other silos.
        await PublishOnce(cancellationToken);
    }

    private async Task Run(CancellationToken cancellationToken)
    {
        // Real time on purpose: batching cadence is not domain time, and tests drive grain clocks separately.
        using var timer = new PeriodicTimer(options.Value.PublishInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await PublishOnce(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    internal async Task PublishOnce(CancellationToken cancellationToken)
    {
        var batch = outbox.Drain();
        if (batch is null)
        {
            return;
        }

        var silos = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
        await Task.WhenAll(silos.Select(silo => Send(silo, batch, cancellationToken)));
    }

    private async Task Send(SiloAddress silo, TrafficBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await relays.On(silo).Relay(batch).WaitAsync(RelayCallTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            FanoutLog.RelayFailed(logger, silo, batch.Updated.Length + batch.Lost.Length, ex);
        }
    }
}
