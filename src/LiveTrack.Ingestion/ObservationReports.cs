using LiveTrack.Adsb;

namespace LiveTrack.Ingestion;

/// <summary>
/// Maps snapshot-feed observations (aircraft.json, OpenSky) to aircraft reports. A position is stamped with its own
/// time (readsb <c>seen_pos</c>, OpenSky <c>time_position</c>) and the other fields with the last-message time, so one
/// observation gives one report, or two when the position is older than the rest.
/// </summary>
public static class ObservationReports
{
    public static PositionSource ToPositionSource(string? sourceType) => sourceType switch
    {
        null or "" or "unknown" => PositionSource.Unknown,
        "mlat" => PositionSource.Mlat,
        "adsb" => PositionSource.Adsb,
        _ when sourceType.StartsWith("adsb_", StringComparison.Ordinal) => PositionSource.Adsb,
        _ when sourceType.StartsWith("tisb_", StringComparison.Ordinal) => PositionSource.Tisb,
        _ when sourceType.StartsWith("adsr_", StringComparison.Ordinal) => PositionSource.Adsr,
        _ => PositionSource.Other,
    };

    /// <param name="observation">The parsed observation.</param>
    /// <param name="feed">The feed's configured name.</param>
    /// <param name="receivedAt">Server time the document was received.</param>
    /// <param name="includePosition">False when the position is unchanged since the previous poll.</param>
    /// <param name="includeFields">False when nothing but the position changed since the previous poll.</param>
    public static IEnumerable<AircraftReport> ToReports(AircraftObservation observation, string feed, DateTimeOffset receivedAt, bool includePosition = true, bool includeFields = true)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var hasPosition = includePosition && observation.Latitude.HasValue && observation.Longitude.HasValue;
        var positionTime = observation.PositionTime ?? observation.Time;
        var together = hasPosition && positionTime == observation.Time;
        if (hasPosition && !together)
        {
            yield return new AircraftReport
            {
                Icao = observation.Icao,
                Feed = feed,
                Timestamp = positionTime,
                ReceivedAt = receivedAt,
                Latitude = observation.Latitude,
                Longitude = observation.Longitude,
                PositionSource = ToPositionSource(observation.SourceType),
                Nic = observation.Nic,
                NacP = observation.NacP,
                ContainmentRadiusMeters = observation.ContainmentRadiusMeters,
            };
        }

        if (includeFields || together)
        {
            yield return new AircraftReport
            {
                Icao = observation.Icao,
                Feed = feed,
                Timestamp = observation.Time,
                ReceivedAt = receivedAt,
                Latitude = together ? observation.Latitude : null,
                Longitude = together ? observation.Longitude : null,
                PositionSource = together ? ToPositionSource(observation.SourceType) : PositionSource.Unknown,
                Nic = together ? observation.Nic : null,
                NacP = together ? observation.NacP : null,
                ContainmentRadiusMeters = together ? observation.ContainmentRadiusMeters : null,
                BarometricAltitudeFeet = observation.BarometricAltitudeFeet,
                GeometricAltitudeFeet = observation.GeometricAltitudeFeet,
                OnGround = observation.OnGround,
                GroundSpeedKnots = observation.GroundSpeedKnots,
                TrackDegrees = observation.TrackDegrees,
                VerticalRateFeetPerMinute = observation.VerticalRateFeetPerMinute,
                Callsign = observation.Callsign,
                Squawk = observation.Squawk,
                Emergency = observation.Emergency is null ? null : observation.Emergency != "none",
                Spi = observation.Spi,
                Category = observation.Category,
                Registration = observation.Registration,
                TypeCode = observation.TypeCode,
                Military = observation.IsMilitary,
            };
        }
    }
}
