namespace LiveTrack.Geofencing;

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
