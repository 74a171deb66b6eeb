using System.Diagnostics.Metrics;

namespace LiveTrack.Telemetry;

/// <summary>
/// The per-feed instruments on the <c>LiveTrack</c> meter: observable counters and a gauge read, at each collection,
/// from the feeds' own status (the same numbers as <c>GET /api/feeds</c>, so the two never disagree). Tag:
/// <c>livetrack.feed</c>. Declared here with every other LiveTrack instrument; the ingestion layer supplies the
/// readings.
/// </summary>
public sealed class FeedMetrics : IDisposable
{
    public const string MeterName = LiveTrackDiagnostics.SourceName;
    public const string FeedTag = "livetrack.feed";

    private readonly Meter meter;

    /// <param name="meterFactory">The host's meter factory.</param>
    /// <param name="read">Every feed's counters now.</param>
    public FeedMetrics(IMeterFactory meterFactory, Func<IEnumerable<FeedCounters>> read)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(read);
        meter = meterFactory.Create(MeterName);
        Counter("livetrack.feed.lines", "{line}", "Lines or documents read from the feed.", s => s.Lines);
        Counter("livetrack.feed.messages", "{message}", "Messages or changed aircraft entries parsed from the feed.", s => s.Messages);
        Counter("livetrack.feed.positions", "{position}", "Messages carrying a new position.", s => s.Positions);
        Counter("livetrack.feed.skipped", "{line}", "Valid records of types LiveTrack does not use.", s => s.Skipped);
        Counter("livetrack.feed.malformed", "{line}", "Malformed lines, documents or entries, skipped.", s => s.Malformed);
        Counter("livetrack.feed.reports.accepted", "{report}", "Reports merged into aircraft state.", s => s.Accepted);
        Counter("livetrack.feed.reports.stale", "{report}", "Reports dropped as duplicate or older than the state.", s => s.Stale);
        Counter("livetrack.feed.reports.suspect", "{report}", "Reports with an impossible position or a future time.", s => s.Suspect);
        Counter("livetrack.feed.reports.failed", "{report}", "Reports that could not be delivered to their grain.", s => s.Failed);
        Counter("livetrack.feed.reconnects", "{reconnect}", "Reconnections or retries after a failure.", s => s.Reconnects);
        meter.CreateObservableGauge(
            "livetrack.feed.connections",
            () => read().Select(f => new Measurement<int>(f.Connections, new KeyValuePair<string, object?>(FeedTag, f.Feed))),
            "{connection}",
            "Open connections of the feed.");

        void Counter(string name, string unit, string description, Func<FeedCounters, long> value) =>
            meter.CreateObservableCounter(
                name,
                () => read().Select(f => new Measurement<long>(value(f), new KeyValuePair<string, object?>(FeedTag, f.Feed))),
                unit,
                description);
    }

    public void Dispose() => meter.Dispose();
}
