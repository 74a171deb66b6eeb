namespace LiveTrack.Ingestion;

/// <summary>The outcome of taking or renewing a feed's lease: whether this node holds it, and who does.</summary>
/// <param name="Held">This node holds the lease and runs the feed.</param>
/// <param name="Owner">The node holding the lease; null when nobody does.</param>
public sealed record FeedLease(bool Held, string? Owner);
