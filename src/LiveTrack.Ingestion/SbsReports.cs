using LiveTrack.Adsb;

namespace LiveTrack.Ingestion;

/// <summary>Maps parsed SBS-1 messages to the aircraft reports grains merge.</summary>
public static class SbsReports
{
    /// <param name="message">The parsed message.</param>
    /// <param name="feed">The feed's configured name.</param>
    /// <param name="receivedAt">Server time the line was received.</param>
    /// <param name="timestamp">Observation time to use; null takes the message's own time, else the receive time.</param>
    public static AircraftReport ToReport(in SbsMessage message, string feed, DateTimeOffset receivedAt, DateTimeOffset? timestamp = null)
    {
        var onGround = message.OnGround;
        if (onGround is null && message.Type == SbsTransmissionType.SurfacePosition)
        {
            onGround = true;
        }

        return new AircraftReport
        {
            Icao = message.Icao,
            Feed = feed,
            Timestamp = timestamp ?? message.GeneratedAt ?? message.LoggedAt ?? receivedAt,
            ReceivedAt = receivedAt,
            Latitude = message.HasPosition ? message.Latitude : null,
            Longitude = message.HasPosition ? message.Longitude : null,
            PositionSource = !message.HasPosition ? PositionSource.Unknown : message.IsMlat ? PositionSource.Mlat : PositionSource.Adsb,
            BarometricAltitudeFeet = message.AltitudeFeet,
            GroundSpeedKnots = message.GroundSpeedKnots,
            TrackDegrees = message.TrackDegrees,
            VerticalRateFeetPerMinute = message.VerticalRateFeetPerMinute,
            Callsign = message.Callsign,
            Squawk = message.Squawk,
            OnGround = onGround,
            Emergency = message.Emergency,
            Alert = message.SquawkChangeAlert,
            Spi = message.Spi,
        };
    }
}
