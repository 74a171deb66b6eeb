namespace LiveTrack.Adsb;

/// <summary>SBS-1 (BaseStation) transmission types carried by <c>MSG</c> records.</summary>
public enum SbsTransmissionType
{
    /// <summary>MSG,1 — identification and category: callsign.</summary>
    Identification = 1,
    /// <summary>MSG,2 — surface position: altitude, ground speed, track, position.</summary>
    SurfacePosition = 2,
    /// <summary>MSG,3 — airborne position: altitude, position, flags.</summary>
    AirbornePosition = 3,
    /// <summary>MSG,4 — airborne velocity: ground speed, track, vertical rate.</summary>
    AirborneVelocity = 4,
    /// <summary>MSG,5 — surveillance altitude: altitude, flags.</summary>
    SurveillanceAltitude = 5,
    /// <summary>MSG,6 — surveillance identity: altitude, squawk, flags.</summary>
    SurveillanceIdentity = 6,
    /// <summary>MSG,7 — air-to-air: altitude.</summary>
    AirToAir = 7,
    /// <summary>MSG,8 — all-call reply: on-ground flag.</summary>
    AllCallReply = 8,
}

/// <summary>
/// One parsed SBS-1 <c>MSG</c> record. Every data field is optional: SBS lines carry only the parts their
/// transmission type has, and feeds leave the rest empty.
/// </summary>
/// <param name="Type">The transmission type (MSG,1 … MSG,8).</param>
/// <param name="Icao">The normalised aircraft address (see <see cref="IcaoAddress"/>).</param>
/// <param name="IsMlat">True when the line's first field was <c>MLAT</c> instead of <c>MSG</c>.</param>
/// <param name="GeneratedAt">Date/time the message was generated (fields 7–8, UTC), when present and valid.</param>
/// <param name="LoggedAt">Date/time the message was logged (fields 9–10, UTC), when present and valid.</param>
public readonly record struct SbsMessage(
    SbsTransmissionType Type,
    string Icao,
    bool IsMlat,
    DateTimeOffset? GeneratedAt,
    DateTimeOffset? LoggedAt,
    string? Callsign,
    int? AltitudeFeet,
    double? GroundSpeedKnots,
    double? TrackDegrees,
    double? Latitude,
    double? Longitude,
    int? VerticalRateFeetPerMinute,
    string? Squawk,
    bool? SquawkChangeAlert,
    bool? Emergency,
    bool? Spi,
    bool? OnGround)
{
    /// <summary>True when both coordinates are present.</summary>
    public bool HasPosition => Latitude.HasValue && Longitude.HasValue;
}
