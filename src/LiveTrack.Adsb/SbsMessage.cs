namespace LiveTrack.Adsb;

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
