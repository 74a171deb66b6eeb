using System.Globalization;
using LiveTrack.Adsb;
using LiveTrack.ModeS;

namespace LiveTrack.Simulation;

/// <summary>
/// Renders the simulator's messages as a Beast stream, the way a transponder and a receiver would produce them:
/// MSG,1 as a DF17 identification, MSG,3 as an even and an odd DF17 airborne position (an aircraft sends two a
/// second), MSG,4 as a DF17 velocity, MSG,6 as a DF5 identity reply (and a DF17 aircraft status when the squawk is
/// an emergency code). Timestamps run at 12 MHz from the simulation start. Not thread-safe.
/// </summary>
public sealed class ModeSRenderer(DateTimeOffset start)
{
    /// <summary>Enough room for the frames of any one message.</summary>
    public const int MaxBytesPerMessage = 4 * 46;

    private readonly byte[] message = new byte[14];

    /// <summary>Writes the Beast frames of <paramref name="sbs"/>; returns the bytes written (0 when nothing applies).</summary>
    public int Render(in SbsMessage sbs, Span<byte> destination)
    {
        if (!int.TryParse(sbs.Icao, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address))
        {
            return 0;
        }

        var timestamp = (long)(((sbs.GeneratedAt ?? start) - start).Ticks * 1.2) & 0xFFFFFFFFFFFF;
        var n = 0;
        switch (sbs.Type)
        {
            case SbsTransmissionType.Identification when sbs.Callsign is { } callsign:
                ModeSEncoder.Identification(message, address, callsign);
                n += Frame(destination[n..], 14, timestamp);
                break;
            case SbsTransmissionType.AirbornePosition when sbs.HasPosition && sbs.AltitudeFeet is { } altitude:
                var status = sbs.Emergency == true ? 1 : sbs.SquawkChangeAlert == true ? 2 : sbs.Spi == true ? 3 : 0;
                ModeSEncoder.AirbornePosition(message, address, sbs.Latitude!.Value, sbs.Longitude!.Value, altitude, odd: false, status);
                n += Frame(destination[n..], 14, timestamp);
                ModeSEncoder.AirbornePosition(message, address, sbs.Latitude!.Value, sbs.Longitude!.Value, altitude, odd: true, status);
                n += Frame(destination[n..], 14, timestamp + 6_000_000);
                break;
            case SbsTransmissionType.AirborneVelocity when sbs.GroundSpeedKnots is { } speed && sbs.TrackDegrees is { } track:
                ModeSEncoder.Velocity(message, address, speed, track, sbs.VerticalRateFeetPerMinute ?? 0);
                n += Frame(destination[n..], 14, timestamp);
                break;
            case SbsTransmissionType.SurveillanceIdentity when sbs.Squawk is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var squawk):
                var flightStatus = (sbs.SquawkChangeAlert == true, sbs.Spi == true, sbs.OnGround == true) switch
                {
                    (true, true, _) => 4,
                    (false, true, _) => 5,
                    (true, false, true) => 3,
                    (true, false, false) => 2,
                    (false, false, true) => 1,
                    _ => 0,
                };
                ModeSEncoder.SurveillanceIdentity(message, address, squawk, flightStatus);
                n += Frame(destination[n..], 7, timestamp);
                if (ModeSDecoder.IsEmergencySquawk(squawk))
                {
                    ModeSEncoder.AircraftStatus(message, address, squawk, squawk == 7700 ? 1 : squawk == 7600 ? 4 : 5);
                    n += Frame(destination[n..], 14, timestamp);
                }

                break;
        }

        return n;
    }

    private int Frame(Span<byte> destination, int length, long timestamp) =>
        ModeSEncoder.BeastFrame(destination, message.AsSpan(0, length), timestamp, 0xC0);
}
