namespace LiveTrack.Telemetry;

/// <summary>One feed's cumulative counters and open connections, as <see cref="FeedMetrics"/> publishes them.</summary>
public readonly record struct FeedCounters(
    string Feed,
    long Lines,
    long Messages,
    long Positions,
    long Skipped,
    long Malformed,
    long Accepted,
    long Stale,
    long Suspect,
    long Failed,
    long Reconnects,
    int Connections);
