namespace LiveTrack.Ingestion;

/// <summary>Connection state of a feed as shown by <c>GET /api/feeds</c>.</summary>
public enum FeedState
{
    Starting,
    Connecting,
    Connected,
    Listening,
    Disconnected,
    Running,
    Completed,
    Faulted,
    Polling,
    RateLimited,
    /// <summary>A one-node feed another silo runs (it holds the lease); this silo takes over when the lease expires.</summary>
    Standby,
}
