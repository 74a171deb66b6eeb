namespace LiveTrack.Ingestion;

/// <summary>Where a feed runs in a cluster, as shown by <c>GET /api/feeds</c>.</summary>
public enum FeedPlacement
{
    /// <summary>A listener: every silo accepts pushed streams on its own port.</summary>
    EveryNode,

    /// <summary>A connector, poller, replay or simulator: one live silo at a time runs it (the one holding its lease).</summary>
    OneNode,
}
