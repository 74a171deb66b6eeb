using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveTrack.Grains;

/// <summary>
/// Registers this silo's <see cref="ITrafficObserver"/> (when the host provides one, e.g. the SignalR hub relay)
/// with the directory grain once the silo is active, refreshes it periodically, and removes it on shutdown.
/// </summary>
internal sealed class TrafficObserverRegistrar(
    IServiceProvider services,
    IGrainFactory grainFactory,
    ILocalSiloDetails localSilo,
    IOptions<FanoutOptions> options,
    ILogger<TrafficObserverRegistrar> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private ITrafficObserver? reference;
    private Task? loop;

    public void Dispose() => stopping.Dispose();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TrafficObserverRegistrar), ServiceLifecycleStage.Active, Start, Stop);

    private async Task Start(CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(ITrafficObserver)) is not ITrafficObserver local)
        {
            return;
        }

        reference = grainFactory.CreateObjectReference<ITrafficObserver>(local);
        await Directory.Register(localSilo.SiloAddress, reference);
        loop = Task.Run(() => Refresh(stopping.Token), CancellationToken.None);
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (loop is not null)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (reference is not null)
        {
            try
            {
                await Directory.Unregister(localSilo.SiloAddress).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The directory drops entries of departed silos by itself; this is only the fast path.
                FanoutLog.UnregisterFailed(logger, ex);
            }
        }
    }

    private ITrafficObserverDirectoryGrain Directory => grainFactory.GetGrain<ITrafficObserverDirectoryGrain>(0);

    private async Task Refresh(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.RegistrationInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await Directory.Register(localSilo.SiloAddress, reference!);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    FanoutLog.RegisterFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
