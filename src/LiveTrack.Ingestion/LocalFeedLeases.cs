namespace LiveTrack.Ingestion;

/// <summary>One node (the embedded profile): every feed runs here, no lease is taken.</summary>
public sealed class LocalFeedLeases(string nodeName) : IFeedLeases
{
    public string NodeName { get; } = nodeName;

    public bool Exclusive => false;

    public TimeSpan Duration => Timeout.InfiniteTimeSpan;

    public TimeSpan RenewInterval => Timeout.InfiniteTimeSpan;

    public Task<FeedLease> TryAcquireAsync(string feed, CancellationToken cancellationToken) => Task.FromResult(new FeedLease(true, NodeName));

    public Task ReleaseAsync(string feed, CancellationToken cancellationToken) => Task.CompletedTask;
}
