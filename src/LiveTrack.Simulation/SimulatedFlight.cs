using System.Globalization;
using LiveTrack.Geo;

namespace LiveTrack.Simulation;

/// <summary>
/// The current public state of one simulated aircraft. Instances are owned and updated in place by
/// <see cref="TrafficSimulator.Advance"/>; read them between calls.
/// </summary>
public sealed class SimulatedFlight
{
    internal SimulatedFlight(string icao, bool isMilitary, string callsign, string squawk)
    {
        Icao = icao;
        IsMilitary = isMilitary;
        Callsign = callsign;
        Squawk = squawk;
    }

    /// <summary>The 24-bit address as 6 lower-case hex digits, e.g. "a1b2c3". Constant for the aircraft.</summary>
    public string Icao { get; }

    /// <summary>Current flight identification, e.g. "DLH400"; changes when a civil flight starts a new route.</summary>
    public string Callsign { get; internal set; }

    /// <summary>Current Mode A code as 4 octal digits.</summary>
    public string Squawk { get; internal set; }

    /// <summary>True for the military scenario aircraft.</summary>
    public bool IsMilitary { get; }

    /// <summary>Current position.</summary>
    public GeoPoint Position { get; internal set; }

    /// <summary>Current barometric altitude in feet (never negative).</summary>
    public int AltitudeFeet { get; internal set; }

    /// <summary>Current ground speed in knots.</summary>
    public double GroundSpeedKnots { get; internal set; }

    /// <summary>Current true track over the ground in degrees, [0, 360).</summary>
    public double TrackDegrees { get; internal set; }

    /// <summary>Current vertical rate in feet per minute (positive climbing).</summary>
    public int VerticalRateFeetPerMinute { get; internal set; }

    /// <summary>Departure airport of the current route; null for the military orbit.</summary>
    public Airport? Origin { get; internal set; }

    /// <summary>Destination airport of the current route; null for the military orbit.</summary>
    public Airport? Destination { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Icao} {Callsign} {Position.Latitude:F4},{Position.Longitude:F4} {AltitudeFeet} ft {GroundSpeedKnots:F0} kt {TrackDegrees:F0}°");
}
