namespace LiveTrack.Server.Apis.History;

/// <summary><c>GET /api/events</c>: one page of the stored event log; pass <see cref="Next"/> as <c>cursor</c> for the next.</summary>
public sealed record EventLog(int Count, StoredEvent[] Events, string? Next);
