namespace LiveTrack.Server.Apis.History;

/// <summary><c>GET /api/history/aircraft</c>: the aircraft inside a box or fence in the window, by first time inside.</summary>
public sealed record AreaAircraftList(DateTimeOffset From, DateTimeOffset To, string? Bbox, string? Fence, int Count, AreaAircraft[] Aircraft);
