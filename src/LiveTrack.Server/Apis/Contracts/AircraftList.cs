namespace LiveTrack.Server.Apis;

/// <summary>The aircraft list (from this silo's live picture) returned by <c>GET /api/aircraft</c>.</summary>
public sealed record AircraftList(DateTimeOffset Now, int Count, AircraftSnapshot[] Aircraft);
