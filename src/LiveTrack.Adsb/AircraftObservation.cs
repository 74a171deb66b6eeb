namespace LiveTrack.Adsb;

/// <summary>
/// One aircraft as seen in a JSON snapshot feed (readsb/tar1090 <c>aircraft.json</c>, ADS-B Exchange v2,
/// dump1090-mutability, OpenSky state vectors). Every field except <see cref="Icao"/> and <see cref="Time"/> is
/// optional. Times are absolute (UTC), already resolved against the document's own clock.
/// </summary>
public sealed record AircraftObservation
{
    /// <summary>The normalised aircraft address (see <see cref="IcaoAddress"/>); readsb's <c>~</c> prefix is kept.</summary>
    public required string Icao { get; init; }

    /// <summary>When the non-position fields were last seen.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>When the position was observed; <see langword="null"/> without a position.</summary>
    public DateTimeOffset? PositionTime { get; init; }

    /// <summary>Latitude in degrees, [-90, 90]; present exactly when <see cref="Longitude"/> is.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude in degrees, [-180, 180]; present exactly when <see cref="Latitude"/> is.</summary>
    public double? Longitude { get; init; }

    /// <summary>
    /// Where the data came from: readsb's <c>type</c> (<c>adsb_icao</c>, <c>adsb_icao_nt</c>, <c>adsr_icao</c>,
    /// <c>tisb_icao</c>, <c>tisb_trackfile</c>, <c>tisb_other</c>, <c>adsc</c>, <c>mlat</c>, <c>mode_s</c>,
    /// <c>other</c>, <c>unknown</c> …), <c>mlat</c> when only readsb's <c>mlat</c> field list names <c>lat</c>, or OpenSky's
    /// position source as <c>adsb</c>, <c>asterix</c>, <c>mlat</c> or <c>flarm</c>.
    /// </summary>
    public string? SourceType { get; init; }

    /// <summary>The callsign, trimmed; never empty.</summary>
    public string? Callsign { get; init; }

    /// <summary>Barometric altitude in feet; <see langword="null"/> when on the ground or unknown.</summary>
    public int? BarometricAltitudeFeet { get; init; }

    /// <summary>Geometric (GNSS) altitude in feet.</summary>
    public int? GeometricAltitudeFeet { get; init; }

    /// <summary>True on the ground, false airborne, <see langword="null"/> when the feed does not say.</summary>
    public bool? OnGround { get; init; }

    /// <summary>Ground speed in knots (≥ 0).</summary>
    public double? GroundSpeedKnots { get; init; }

    /// <summary>Track over ground in degrees, [0, 360].</summary>
    public double? TrackDegrees { get; init; }

    /// <summary>Vertical rate in feet per minute (barometric preferred over geometric).</summary>
    public int? VerticalRateFeetPerMinute { get; init; }

    /// <summary>The Mode A code as exactly four octal digits.</summary>
    public string? Squawk { get; init; }

    /// <summary>
    /// readsb's emergency status: <c>none</c>, <c>general</c>, <c>lifeguard</c>, <c>minfuel</c>, <c>nordo</c>,
    /// <c>unlawful</c>, <c>downed</c> or <c>reserved</c>.
    /// </summary>
    public string? Emergency { get; init; }

    /// <summary>Special position identification (ident) flag.</summary>
    public bool? Spi { get; init; }

    /// <summary>Emitter category: readsb's letter-digit form (<c>A3</c>) or OpenSky's number as text (<c>4</c>).</summary>
    public string? Category { get; init; }

    /// <summary>Registration (readsb <c>r</c>, from its aircraft database).</summary>
    public string? Registration { get; init; }

    /// <summary>ICAO aircraft type designator (readsb <c>t</c>).</summary>
    public string? TypeCode { get; init; }

    /// <summary>readsb <c>dbFlags</c> bit 0: the aircraft database marks it military.</summary>
    public bool? IsMilitary { get; init; }

    /// <summary>Navigation Integrity Category of the position (readsb <c>nic</c>, 0–11); only with a position.</summary>
    public int? Nic { get; init; }

    /// <summary>Navigation Accuracy Category for position (readsb <c>nac_p</c>, 0–11); only with a position.</summary>
    public int? NacP { get; init; }

    /// <summary>Radius of containment in metres (readsb <c>rc</c>); only with a position.</summary>
    public double? ContainmentRadiusMeters { get; init; }

    /// <summary>Country of registration as inferred by OpenSky from the address block (OpenSky only).</summary>
    public string? OriginCountry { get; init; }
}
