namespace LiveTrack.ModeS;

/// <summary>
/// The fields of one decoded Mode S message. Only what the message carried is set; a position is set only once
/// CPR decoding (by <see cref="ModeSReceiver"/>) resolved one. A value type, filled in place: decoding allocates
/// nothing (the callsign text is built only when asked for).
/// </summary>
public struct ModeSMessage
{
    /// <summary>Downlink format (0–24).</summary>
    public int DownlinkFormat { get; set; }

    /// <summary>The 24-bit address (from the AA field, or recovered from the parity).</summary>
    public int Address { get; set; }

    /// <summary>True when the address is not an ICAO aircraft address (DF18 CF=1/5: anonymous or ground-assigned).</summary>
    public bool NonIcaoAddress { get; set; }

    /// <summary>What sent the message.</summary>
    public ModeSSource Source { get; set; }

    /// <summary>ADS-B type code (DF17/18), 0 otherwise.</summary>
    public int TypeCode { get; set; }

    /// <summary>ADS-B subtype (velocity, status, target state, operational status), 0 otherwise.</summary>
    public int Subtype { get; set; }

    /// <summary>The identification characters packed 6 bits each, first character highest (see <see cref="Callsign"/>).</summary>
    public ulong CallsignBits { get; set; }

    /// <summary>True when an identification (TC 1–4 or BDS 2,0) carried a callsign of valid characters.</summary>
    public bool HasCallsign { get; set; }

    /// <summary>Emitter category, e.g. <c>A3</c> (from identification messages).</summary>
    public string? Category { get; set; }

    public int? BarometricAltitudeFeet { get; set; }

    public int? GeometricAltitudeFeet { get; set; }

    public bool? OnGround { get; set; }

    /// <summary>Mode A code, its octal digits read as decimal (7700).</summary>
    public int? Squawk { get; set; }

    /// <summary>Emergency: squawk 7500/7600/7700, an aircraft-status emergency state, or a permanent alert.</summary>
    public bool? Emergency { get; set; }

    /// <summary>The aircraft-status emergency/priority state (0 none, 1 general, 2 lifeguard, 3 min fuel, 4 no comms, 5 unlawful interference, 6 downed).</summary>
    public int? EmergencyState { get; set; }

    /// <summary>Flight-status alert (a squawk change).</summary>
    public bool? Alert { get; set; }

    /// <summary>Special position identification.</summary>
    public bool? Spi { get; set; }

    /// <summary>True when the message carries a CPR position (<see cref="CprLatitude"/>, <see cref="CprLongitude"/>).</summary>
    public bool HasCpr { get; set; }

    public int CprLatitude { get; set; }

    public int CprLongitude { get; set; }

    /// <summary>True for the odd CPR format.</summary>
    public bool CprOdd { get; set; }

    /// <summary>True for a surface position (TC 5–8).</summary>
    public bool Surface { get; set; }

    /// <summary>The decoded position, when CPR decoding resolved one.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public double? GroundSpeedKnots { get; set; }

    public double? TrackDegrees { get; set; }

    /// <summary>Airspeed (velocity subtypes 3/4).</summary>
    public int? AirspeedKnots { get; set; }

    /// <summary>True when <see cref="AirspeedKnots"/> is true airspeed, false for indicated airspeed.</summary>
    public bool? TrueAirspeed { get; set; }

    /// <summary>Magnetic heading (velocity subtypes 3/4).</summary>
    public double? HeadingDegrees { get; set; }

    public int? VerticalRateFeetPerMinute { get; set; }

    /// <summary>True when the vertical rate is from GNSS, false when barometric.</summary>
    public bool? GeometricVerticalRate { get; set; }

    /// <summary>GNSS altitude minus barometric altitude (velocity messages).</summary>
    public int? GeometricMinusBarometricFeet { get; set; }

    /// <summary>Selected altitude (target state and status).</summary>
    public int? SelectedAltitudeFeet { get; set; }

    /// <summary>Selected heading (target state and status).</summary>
    public double? SelectedHeadingDegrees { get; set; }

    /// <summary>Barometric pressure setting in hPa (target state and status).</summary>
    public double? BarometricSettingHectopascals { get; set; }

    /// <summary>Autopilot engaged (target state and status).</summary>
    public bool? Autopilot { get; set; }

    /// <summary>ADS-B version (operational status).</summary>
    public int? AdsbVersion { get; set; }

    /// <summary>The callsign with trailing spaces removed (allocates; null when <see cref="HasCallsign"/> is false).</summary>
    public readonly string? Callsign => HasCallsign ? ModeSDecoder.CallsignText(CallsignBits) : null;

    /// <summary>True when a position was resolved.</summary>
    public readonly bool HasPosition => Latitude.HasValue && Longitude.HasValue;
}
