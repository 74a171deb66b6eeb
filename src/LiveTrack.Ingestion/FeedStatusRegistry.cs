namespace LiveTrack.Ingestion;

/// <summary>All feeds' status objects, by name; with a meter factory, also published as metrics.</summary>
public sealed class FeedStatusRegistry : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FeedStatus> feeds = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly LiveTrack.Telemetry.FeedMetrics? metrics;
    private readonly ChangeSignal added = new();

    public FeedStatusRegistry(TimeProvider timeProvider, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        this.timeProvider = timeProvider;
        metrics = meterFactory is null ? null : new LiveTrack.Telemetry.FeedMetrics(meterFactory, Counters);
    }

    public void Dispose() => metrics?.Dispose();

    public FeedStatus GetOrAdd(string name, FeedType type, FeedPlacement placement = FeedPlacement.EveryNode)
    {
        var status = feeds.GetOrAdd(name, n => new FeedStatus(n, type, timeProvider) { Placement = placement });
        added.Notify();
        return status;
    }

    public FeedStatus? Find(string name) => feeds.GetValueOrDefault(name);

    /// <summary>
    /// Waits, without polling, until the feed <paramref name="name"/> exists and its status satisfies
    /// <paramref name="condition"/>; returns the snapshot that did. For tests and tools that watch a feed.
    /// </summary>
    public async Task<FeedStatusSnapshot> WaitForAsync(string name, Func<FeedStatusSnapshot, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var feedAdded = added.Next();
        FeedStatus? status;
        while ((status = Find(name)) is null)
        {
            await feedAdded.WaitAsync(cancellationToken);
            feedAdded = added.Next();
        }

        while (true)
        {
            var next = status.WhenChanged();
            var snapshot = status.Snapshot();
            if (condition(snapshot))
            {
                return snapshot;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public IReadOnlyList<FeedStatusSnapshot> Snapshot() => [.. feeds.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Snapshot())];

    internal IEnumerable<FeedStatus> All => feeds.Values;

    private IEnumerable<LiveTrack.Telemetry.FeedCounters> Counters() => feeds.Values.Select(f => f.Snapshot()).Select(s =>
        new LiveTrack.Telemetry.FeedCounters(s.Name, s.Lines, s.Messages, s.Positions, s.Skipped, s.Malformed, s.Accepted, s.Stale, s.Suspect, s.Failed, s.Reconnects, s.Connections));
}
