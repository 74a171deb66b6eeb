using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>One crossing of a fence's boundary between two consecutive positions of an aircraft.</summary>
/// <param name="Kind">Entered or exited.</param>
/// <param name="Boundary">The limit crossed.</param>
/// <param name="Point">Where, on the great circle between the two positions.</param>
/// <param name="Time">When: interpolated linearly in distance along the great circle between the two times.</param>
/// <param name="AltitudeFeet">The altitude there (interpolated linearly between the positions), or null when unknown.</param>
/// <param name="Fraction">How far along the segment, 0 (first position) to 1 (second position).</param>
public sealed record GeofenceCrossing(
    GeofenceCrossingKind Kind,
    GeofenceBoundary Boundary,
    GeoPoint Point,
    DateTimeOffset Time,
    double? AltitudeFeet,
    double Fraction);
