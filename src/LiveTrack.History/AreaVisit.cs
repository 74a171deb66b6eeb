namespace LiveTrack.History;

/// <summary>One aircraft's time inside an area: the first and last recorded position inside it, and how many were.</summary>
public sealed record AreaVisit(string Icao, DateTimeOffset FirstInside, DateTimeOffset LastInside, int Positions);
