using LiveTrack.Geo;

namespace LiveTrack.Geofencing;

/// <summary>Whether a crossing takes the aircraft into or out of the fence.</summary>
public enum GeofenceCrossingKind
{
    /// <summary>Outside before, inside after.</summary>
    Entered,

    /// <summary>Inside before, outside after.</summary>
    Exited,
}

/// <summary>Which limit of the fence the aircraft crossed.</summary>
public enum GeofenceBoundary
{
    /// <summary>The horizontal outline (an edge of the polygon).</summary>
    Lateral,

    /// <summary>The altitude floor (descending below it exits, climbing through it enters).</summary>
    Floor,

    /// <summary>The altitude ceiling (climbing through it exits, descending through it enters).</summary>
    Ceiling,

    /// <summary>
    /// A 3D fence changed its answer because the aircraft's altitude became known or unknown at a report
    /// (a 3D fence contains only positions with a known altitude).
    /// </summary>
    AltitudeUnknown,
}

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
