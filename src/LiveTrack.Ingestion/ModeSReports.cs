using LiveTrack.Adsb;
using LiveTrack.ModeS;

namespace LiveTrack.Ingestion;

/// <summary>Maps decoded Mode S messages (Beast, AVR) to the aircraft reports grains merge.</summary>
public static class ModeSReports
{
    public static PositionSource ToPositionSource(ModeSSource source) => source switch
    {
        ModeSSource.Adsb => PositionSource.Adsb,
        ModeSSource.Mlat => PositionSource.Mlat,
        ModeSSource.Tisb => PositionSource.Tisb,
        ModeSSource.Adsr => PositionSource.Adsr,
        _ => PositionSource.Other,
    };

    /// <summary>
    /// The report of one message; null when the message carries nothing a report has (e.g. operational status).
    /// Beast and AVR timestamps are receiver clock counts, not times: the observation time is the receive time,
    /// made strictly increasing per connection by <see cref="ArrivalClock"/>.
    /// </summary>
    public static AircraftReport? ToReport(in ModeSMessage message, string feed, DateTimeOffset receivedAt, DateTimeOffset? timestamp = null)
    {
        var report = new AircraftReport
        {
            Icao = IcaoAddress.FromAddress(message.Address, message.NonIcaoAddress),
            Feed = feed,
            Timestamp = timestamp ?? receivedAt,
            ReceivedAt = receivedAt,
            Latitude = message.Latitude,
            Longitude = message.Longitude,
            PositionSource = message.HasPosition ? ToPositionSource(message.Source) : PositionSource.Unknown,
            BarometricAltitudeFeet = message.BarometricAltitudeFeet,
            GeometricAltitudeFeet = message.GeometricAltitudeFeet,
            GroundSpeedKnots = message.GroundSpeedKnots is { } gs ? Math.Round(gs, 1) : null,
            TrackDegrees = message.TrackDegrees is { } track ? Math.Round(track, 1) : null,
            VerticalRateFeetPerMinute = message.VerticalRateFeetPerMinute,
            Callsign = message.Callsign,
            Squawk = message.Squawk is { } squawk ? ModeSCodes.SquawkText(squawk) : null,
            OnGround = message.OnGround,
            Emergency = message.Emergency,
            Alert = message.Alert,
            Spi = message.Spi,
            // Category 0 of any set means "no category information".
            Category = message.Category is [_, '0'] ? null : message.Category,
        };

        return report.HasPosition || report.BarometricAltitudeFeet.HasValue || report.GeometricAltitudeFeet.HasValue
            || report.GroundSpeedKnots.HasValue || report.TrackDegrees.HasValue || report.VerticalRateFeetPerMinute.HasValue
            || report.Callsign is not null || report.Squawk is not null || report.Emergency == true || report.Category is not null
            ? report
            : null;
    }
}
