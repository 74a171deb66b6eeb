using LiveTrack.Geo;

namespace LiveTrack.Simulation;

/// <summary>An airport the simulated civil traffic flies between.</summary>
/// <param name="IcaoCode">Four-letter ICAO location indicator, e.g. "KJFK".</param>
/// <param name="Name">Short human-readable name.</param>
/// <param name="Location">Approximate reference point.</param>
public sealed record Airport(string IcaoCode, string Name, GeoPoint Location);
