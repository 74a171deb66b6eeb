namespace LiveTrack;

/// <summary>
/// The compact, flat view of an aircraft sent to hub clients and returned by list queries. Field provenance is
/// available from <c>GET /api/aircraft/{icao}</c> (<see cref="AircraftState"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.AircraftSnapshot")]
public sealed record AircraftSnapshot
{
    [Id(0)] public required string Icao { get; init; }
    [Id(1)] public double? Latitude { get; init; }
    [Id(2)] public double? Longitude { get; init; }
    [Id(3)] public PositionSource PositionSource { get; init; }
    [Id(4)] public DateTimeOffset? PositionAt { get; init; }
    [Id(5)] public int? BarometricAltitudeFeet { get; init; }
    [Id(6)] public int? GeometricAltitudeFeet { get; init; }
    [Id(7)] public double? GroundSpeedKnots { get; init; }
    [Id(8)] public double? TrackDegrees { get; init; }
    [Id(9)] public int? VerticalRateFeetPerMinute { get; init; }
    [Id(10)] public string? Callsign { get; init; }
    [Id(11)] public string? Squawk { get; init; }
    [Id(12)] public bool? OnGround { get; init; }
    [Id(13)] public bool? Emergency { get; init; }

    /// <summary>Server receive time of the last accepted report (also the start of report-to-client latency).</summary>
    [Id(14)] public DateTimeOffset LastSeen { get; init; }

    /// <summary>Feed of the last accepted report.</summary>
    [Id(15)] public string? Feed { get; init; }

    [Id(16)] public string? Category { get; init; }
    [Id(17)] public string? Registration { get; init; }
    [Id(18)] public string? TypeCode { get; init; }
    [Id(19)] public bool? Military { get; init; }

    /// <summary>Ids of the geofences the aircraft is inside.</summary>
    [Id(20)] public string[] Geofences { get; init; } = [];

    /// <summary>W3C <c>traceparent</c> of the span that produced this snapshot when its report was traced (not sent to clients).</summary>
    [Id(21)]
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TraceParent { get; init; }

    /// <summary>Country of registration from the ICAO address allocation (e.g. <c>United States</c>).</summary>
    [Id(110)] public string? Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of <see cref="Country"/> (e.g. <c>US</c>).</summary>
    [Id(111)] public string? CountryCode { get; init; }

    /// <summary>Type description from the aircraft database (e.g. <c>BOEING RC-135V</c>).</summary>
    [Id(112)] public string? Description { get; init; }

    /// <summary>Owner or operator from the aircraft database.</summary>
    [Id(113)] public string? Operator { get; init; }

    /// <summary>Tags from the aircraft database (plane-alert-db tags and category, tar1090-db flags).</summary>
    [Id(114)] public string[] Tags { get; init; } = [];

    /// <summary>True when both coordinates are known.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasPosition => Latitude.HasValue && Longitude.HasValue;
}
