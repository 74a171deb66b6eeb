namespace LiveTrack.Server.Apis.History;

/// <summary><c>GET /api/aircraft/{icao}/track?format=json</c>: the recorded positions and changes in the window.</summary>
/// <param name="Truncated">True when the window held more positions than one response carries (the earliest are returned).</param>
public sealed record TrackResponse(
    string Icao,
    DateTimeOffset From,
    DateTimeOffset To,
    int Count,
    bool Truncated,
    HistoryPosition[] Positions,
    HistoryChange[] Changes);
