namespace LiveTrack.Verdicts;

/// <summary>
/// One recorded position of the aircraft, as the history store holds it: one row of the track, one to one.
/// </summary>
/// <param name="Time">When the aircraft was there (the observation time, not when it was received).</param>
/// <param name="Latitude">Degrees, -90..90.</param>
/// <param name="Longitude">Degrees; wrapped into [-180, 180).</param>
/// <param name="BarometricAltitudeFeet">Pressure altitude, feet; preferred for floors and ceilings.</param>
/// <param name="GeometricAltitudeFeet">GNSS altitude, feet; used when there is no barometric altitude.</param>
/// <param name="GroundSpeedKnots">Ground speed, knots, when reported.</param>
/// <param name="Source">How the position was determined.</param>
/// <param name="Feed">The feed that delivered it.</param>
/// <param name="Nic">ADS-B Navigation Integrity Category (0–11), when the feed gave it.</param>
/// <param name="NacP">ADS-B Navigation Accuracy Category for Position (0–11), when the feed gave it.</param>
/// <param name="RcMetres">Containment radius in metres (readsb <c>rc</c>), when the feed gave it.</param>
/// <param name="Callsign">The callsign at that time, when known.</param>
public sealed record VerdictPosition(
    DateTimeOffset Time,
    double Latitude,
    double Longitude,
    int? BarometricAltitudeFeet,
    int? GeometricAltitudeFeet,
    double? GroundSpeedKnots,
    VerdictPositionSource Source,
    string Feed,
    int? Nic = null,
    int? NacP = null,
    double? RcMetres = null,
    string? Callsign = null)
{
    /// <summary>The altitude compared with floors and ceilings: barometric, else geometric (as the live evaluation does).</summary>
    public int? AltitudeFeet => BarometricAltitudeFeet ?? GeometricAltitudeFeet;
}
