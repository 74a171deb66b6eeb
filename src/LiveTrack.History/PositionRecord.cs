namespace LiveTrack.History;

/// <summary>
/// One accepted position of one aircraft as the history keeps it: its observation time (to the microsecond), the feed
/// and position source, and the accuracy fields when the feed gave them.
/// </summary>
public sealed record PositionRecord
{
    /// <summary>Normalised ICAO address (6 lower-case hex digits, or <c>~</c> + 6 for non-ICAO).</summary>
    public required string Icao { get; init; }

    /// <summary>When the position was observed (the feed's own time), UTC.</summary>
    public required DateTimeOffset At { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    /// <summary>Barometric altitude in feet, as known when the position was accepted.</summary>
    public int? BarometricAltitudeFeet { get; init; }

    /// <summary>Geometric (GNSS) altitude in feet, as known when the position was accepted.</summary>
    public int? GeometricAltitudeFeet { get; init; }

    public double? GroundSpeedKnots { get; init; }

    public double? TrackDegrees { get; init; }

    public PositionSource Source { get; init; }

    /// <summary>Name of the feed (or import) that delivered the position.</summary>
    public required string Feed { get; init; }

    /// <summary>Navigation Integrity Category (readsb <c>nic</c>, 0–11), when the feed gave it.</summary>
    public int? Nic { get; init; }

    /// <summary>Navigation Accuracy Category for position (readsb <c>nac_p</c>, 0–11), when the feed gave it.</summary>
    public int? NacP { get; init; }

    /// <summary>Radius of containment in metres (readsb <c>rc</c>), when the feed gave it.</summary>
    public double? ContainmentRadiusMeters { get; init; }

    /// <summary>True when the position came from an import of recorded data rather than a live feed.</summary>
    public bool Imported { get; init; }

    /// <summary>The altitude a fence's floor and ceiling are checked against: barometric, else geometric.</summary>
    public int? AltitudeFeet => BarometricAltitudeFeet ?? GeometricAltitudeFeet;
}
