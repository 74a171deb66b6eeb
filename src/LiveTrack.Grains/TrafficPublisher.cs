using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTrack.Grains;

/// <summary>
/// Publishes the silo's coalesced traffic changes to every silo's observer on a short timer, with a final flush
/// when the silo stops. A failing or slow observer is skipped until the next directory refresh; it never blocks
/// aircraft grains, which only write to the <see cref="ITrafficOutbox"/>.
/// </summary>
internal sealed class TrafficPublisher(
    ITrafficOutbox outbox,
    IGrainFactory grainFactory,
    IOptions<FanoutOptions> options,
    ILogger<TrafficPublisher> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan ObserverCallTimeout = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private ITrafficObserver[] observers = [];
    private DateTimeOffset refreshedAt = DateTimeOffset.MinValue;
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
        try
        {
            await RefreshObservers(force: false);
            var batch = outbox.Drain();
            if (batch is null)
            {
                return;
            }

            if (observers.Length == 0)
            {
                await RefreshObservers(force: true);
            }

            var targets = observers;
            var results = await Task.WhenAll(targets.Select(o => Send(o, batch, cancellationToken)));
            if (results.Contains(false))
            {
                // Forget the failing observers until the directory says they are back.
                observers = [.. targets.Where((_, i) => results[i])];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FanoutLog.PublishFailed(logger, ex);
        }
    }

    private async Task<bool> Send(ITrafficObserver observer, TrafficBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await observer.OnTraffic(batch).WaitAsync(ObserverCallTimeout, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            FanoutLog.ObserverFailed(logger, ex);
            return false;
        }
    }

    private async Task RefreshObservers(bool force)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (!force && now - refreshedAt < options.Value.DirectoryRefreshInterval)
        {
            return;
        }

        refreshedAt = now;
        observers = await grainFactory.GetGrain<ITrafficObserverDirectoryGrain>(0).GetObservers();
    }
}
