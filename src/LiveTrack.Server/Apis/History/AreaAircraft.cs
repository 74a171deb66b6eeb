namespace LiveTrack.Server.Apis.History;

/// <summary>One aircraft that was inside the area: its first and last recorded position inside, and how many were.</summary>
public sealed record AreaAircraft(string Icao, DateTimeOffset FirstInside, DateTimeOffset LastInside, int Positions);
