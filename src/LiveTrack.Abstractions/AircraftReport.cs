namespace LiveTrack;

/// <summary>
/// One partial observation of an aircraft from one feed, as delivered to its grain. Only the parts the feed
/// carried are set (an SBS MSG,1 carries only the callsign, MSG,3 the position and altitude, MSG,4 the velocity).
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.AircraftReport")]
public sealed record AircraftReport
{
    /// <summary>Normalised ICAO 24-bit address (6 lower-case hex digits, or <c>~</c> + 6 for non-ICAO).</summary>
    [Id(0)] public required string Icao { get; init; }

    /// <summary>Name of the configured feed that delivered the report.</summary>
    [Id(1)] public required string Feed { get; init; }

    /// <summary>When the observation was made (the feed's timestamp; the receive time when the feed has none).</summary>
    [Id(2)] public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When LiveTrack received the report (server clock), used for latency and silence detection.</summary>
    [Id(3)] public required DateTimeOffset ReceivedAt { get; init; }

    [Id(4)] public double? Latitude { get; init; }
    [Id(5)] public double? Longitude { get; init; }
    [Id(6)] public PositionSource PositionSource { get; init; }

    /// <summary>Barometric (pressure) altitude in feet.</summary>
    [Id(7)] public int? BarometricAltitudeFeet { get; init; }

    /// <summary>Geometric (GNSS) altitude in feet.</summary>
    [Id(8)] public int? GeometricAltitudeFeet { get; init; }

    [Id(9)] public double? GroundSpeedKnots { get; init; }
    [Id(10)] public double? TrackDegrees { get; init; }
    [Id(11)] public int? VerticalRateFeetPerMinute { get; init; }
    [Id(12)] public string? Callsign { get; init; }
    [Id(13)] public string? Squawk { get; init; }
    [Id(14)] public bool? OnGround { get; init; }
    [Id(15)] public bool? Emergency { get; init; }

    /// <summary>Squawk-change alert flag.</summary>
    [Id(16)] public bool? Alert { get; init; }

    /// <summary>Special position identification ("ident") flag.</summary>
    [Id(17)] public bool? Spi { get; init; }

    /// <summary>ADS-B emitter category (e.g. <c>A3</c>), when the feed carries it.</summary>
    [Id(18)] public string? Category { get; init; }

    /// <summary>Registration from the feed's aircraft database (readsb <c>r</c>).</summary>
    [Id(19)] public string? Registration { get; init; }

    /// <summary>ICAO type designator from the feed's aircraft database (readsb <c>t</c>).</summary>
    [Id(20)] public string? TypeCode { get; init; }

    /// <summary>Military, per the feed's aircraft database (readsb <c>dbFlags</c> bit 0).</summary>
    [Id(21)] public bool? Military { get; init; }

    /// <summary>W3C <c>traceparent</c> of the report's feed span when the report was sampled for tracing.</summary>
    [Id(22)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TraceParent { get; init; }

    /// <summary>Navigation Integrity Category of the position (readsb <c>nic</c>, 0–11), when the feed gave it.</summary>
    [Id(100)] public int? Nic { get; init; }

    /// <summary>Navigation Accuracy Category for position (readsb <c>nac_p</c>, 0–11), when the feed gave it.</summary>
    [Id(101)] public int? NacP { get; init; }

    /// <summary>Radius of containment of the position in metres (readsb <c>rc</c>), when the feed gave it.</summary>
    [Id(102)] public double? ContainmentRadiusMeters { get; init; }

    /// <summary>True when both coordinates are present.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasPosition => Latitude.HasValue && Longitude.HasValue;
}
