namespace LiveTrack.Ingestion;

/// <summary>One feed's health, as returned by <c>GET /api/feeds</c>.</summary>
public sealed record FeedStatusSnapshot(
    string Name,
    FeedType Type,
    FeedState State,
    string? Endpoint,
    int Connections,
    DateTimeOffset? LastMessageAt,
    double MessagesPerSecond,
    double PositionsPerSecond,
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
    string? LastError,
    string? LastMalformedSample,
    ModeSFeedCounters? ModeS = null)
{
    /// <summary>SbsListener: connections turned away because all <c>MaxConnections</c> slots were taken.</summary>
    public long Refused { get; init; }

    /// <summary>SbsListener: connections closed after sending nothing for <c>IdleTimeout</c>.</summary>
    public long IdleClosed { get; init; }

    /// <summary>When <see cref="LastError"/> happened; both are null once the feed has succeeded since.</summary>
    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary><c>everyNode</c> (listeners) or <c>oneNode</c> (connectors and pollers: one silo at a time).</summary>
    public FeedPlacement Placement { get; init; }

    /// <summary>The node that runs the feed: this one, or (state <c>Standby</c>) the one holding its lease.</summary>
    public string? RunsOnNode { get; init; }
}
