using Microsoft.Extensions.Logging;

namespace LiveTrack.Ingestion;

/// <summary>
/// Runs a <see cref="FeedPlacement.OneNode"/> feed only while this node holds its lease: on standby (state
/// <see cref="FeedState.Standby"/>, trying again every renew interval) until it gets it, renewing it while the feed
/// runs, and stopping the feed when the lease is lost or cannot be renewed before it expires. The lease is given up at
/// shutdown so another node takes the feed at once; a killed node's lease expires after its duration.
/// </summary>
internal sealed class LeasedFeed(IFeed inner, FeedStatus status, IFeedLeases leases, TimeProvider timeProvider, ILogger logger) : IFeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var lease = await TryAcquire(cancellationToken);
                if (lease is not { Held: true })
                {
                    status.Standby(lease?.Owner);
                    await Task.Delay(leases.RenewInterval, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                IngestionLog.LeaseTaken(logger, status.Name, leases.NodeName);
                status.RunsOn(leases.NodeName);
                await RunWhileHeld(cancellationToken);
            }
        }
        finally
        {
            using var release = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await leases.ReleaseAsync(status.Name, release.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                IngestionLog.LeaseError(logger, status.Name, ex.Message);
            }
        }
    }

    /// <summary>Runs the feed and renews its lease until the lease is lost or the node stops.</summary>
    private async Task RunWhileHeld(CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewedAt = timeProvider.GetTimestamp();
        var feed = inner.RunAsync(run.Token);
        while (true)
        {
            var tick = Task.Delay(leases.RenewInterval, timeProvider, cancellationToken);
            await Task.WhenAny(feed, tick);
            if (feed.IsCompleted)
            {
                // A fault goes to the supervisor: the lease is given up and the node taking it next restarts the
                // feed. A finished feed (a replay without loop) keeps its lease, so no other node starts it again.
                await feed;
                await tick.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                feed = Task.Delay(Timeout.Infinite, run.Token);
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                await feed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }

            var lease = await TryAcquire(cancellationToken);
            if (lease is { Held: true })
            {
                renewedAt = timeProvider.GetTimestamp();
                continue;
            }

            if (lease is null && timeProvider.GetElapsedTime(renewedAt) < leases.Duration)
            {
                // The database did not answer: the lease is still ours until it expires.
                continue;
            }

            IngestionLog.LeaseLost(logger, status.Name, lease?.Owner ?? "nobody (the lease could not be renewed)");
            await run.CancelAsync();
            await feed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            status.Standby(lease?.Owner);
            return;
        }
    }

    /// <summary>The lease, or null when the database could not be asked.</summary>
    private async Task<FeedLease?> TryAcquire(CancellationToken cancellationToken)
    {
        try
        {
            return await leases.TryAcquireAsync(status.Name, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            IngestionLog.LeaseError(logger, status.Name, ex.Message);
            return null;
        }
    }
}
