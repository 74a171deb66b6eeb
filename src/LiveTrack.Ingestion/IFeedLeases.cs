namespace LiveTrack.Ingestion;

/// <summary>
/// Decides which node runs each <see cref="FeedPlacement.OneNode"/> feed. Locally every feed runs on this node; in
/// a cluster a lease in the shared database gives each such feed to one live node at a time.
/// </summary>
public interface IFeedLeases
{
    /// <summary>This node's name (shown as a feed's <c>runsOnNode</c>).</summary>
    string NodeName { get; }

    /// <summary>False when every feed simply runs here (no lease is taken).</summary>
    bool Exclusive { get; }

    /// <summary>How long a lease lasts without renewal.</summary>
    TimeSpan Duration { get; }

    /// <summary>How often a holder renews and a standby node tries again.</summary>
    TimeSpan RenewInterval { get; }

    /// <summary>Takes the lease of <paramref name="feed"/> when free or expired, renews it when held.</summary>
    Task<FeedLease> TryAcquireAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (at shutdown), so another node takes the feed at once.</summary>
    Task ReleaseAsync(string feed, CancellationToken cancellationToken);
}
