namespace LiveTrack;

/// <summary>
/// Everything LiveTrack knows about one aircraft: each field carries the time it was observed and the feed that
/// reported it, so partial reports from several feeds merge field by field.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.AircraftState")]
public sealed record AircraftState
{
    [Id(0)] public required string Icao { get; init; }
    [Id(1)] public PositionReading? Position { get; init; }
    [Id(2)] public Reading<int>? BarometricAltitudeFeet { get; init; }
    [Id(3)] public Reading<int>? GeometricAltitudeFeet { get; init; }
    [Id(4)] public Reading<double>? GroundSpeedKnots { get; init; }
    [Id(5)] public Reading<double>? TrackDegrees { get; init; }
    [Id(6)] public Reading<int>? VerticalRateFeetPerMinute { get; init; }
    [Id(7)] public Reading<string>? Callsign { get; init; }
    [Id(8)] public Reading<string>? Squawk { get; init; }
    [Id(9)] public Reading<bool>? OnGround { get; init; }
    [Id(10)] public Reading<bool>? Emergency { get; init; }
    [Id(11)] public Reading<bool>? Alert { get; init; }
    [Id(12)] public Reading<bool>? Spi { get; init; }

    /// <summary>Server time of the last accepted report of any kind.</summary>
    [Id(13)] public DateTimeOffset LastSeen { get; init; }

    /// <summary>Feed of the last accepted report of any kind.</summary>
    [Id(14)] public string? LastFeed { get; init; }

    /// <summary>Reports merged into this state (at least one field accepted).</summary>
    [Id(15)] public long Accepted { get; init; }

    /// <summary>Reports (or their parts) dropped because the state already held equal or newer data.</summary>
    [Id(16)] public long Stale { get; init; }

    /// <summary>Positions kept out of the state because they implied an impossible speed or a future time.</summary>
    [Id(17)] public long Suspect { get; init; }

    [Id(18)] public Reading<string>? Category { get; init; }
    [Id(19)] public Reading<string>? Registration { get; init; }
    [Id(20)] public Reading<string>? TypeCode { get; init; }
    [Id(21)] public Reading<bool>? Military { get; init; }

    /// <summary>Accuracy of <see cref="Position"/> when its feed gave it (readsb <c>nic</c>, <c>nac_p</c>, <c>rc</c>).</summary>
    [Id(100)] public PositionAccuracy? PositionAccuracy { get; init; }

    /// <summary>Who the aircraft is (address allocation, military ranges, aircraft database), looked up once per aircraft.</summary>
    [Id(110)] public AircraftIdentity? Identity { get; init; }

    /// <summary>A compact view for clients and lists.</summary>
    public AircraftSnapshot ToSnapshot() => new()
    {
        Icao = Icao,
        Latitude = Position?.Latitude,
        Longitude = Position?.Longitude,
        PositionSource = Position?.Source ?? PositionSource.Unknown,
        PositionAt = Position?.At,
        BarometricAltitudeFeet = BarometricAltitudeFeet?.Value,
        GeometricAltitudeFeet = GeometricAltitudeFeet?.Value,
        GroundSpeedKnots = GroundSpeedKnots?.Value,
        TrackDegrees = TrackDegrees?.Value,
        VerticalRateFeetPerMinute = VerticalRateFeetPerMinute?.Value,
        Callsign = Callsign?.Value,
        Squawk = Squawk?.Value,
        OnGround = OnGround?.Value,
        Emergency = Emergency?.Value,
        LastSeen = LastSeen,
        Feed = LastFeed,
        Category = Category?.Value,
        Registration = Registration?.Value ?? Identity?.Registration,
        TypeCode = TypeCode?.Value ?? Identity?.TypeCode,
        Military = Military?.Value == true || Identity?.Military == true ? true : Military?.Value ?? Identity?.Military,
        Country = Identity?.Country,
        CountryCode = Identity?.CountryCode,
        Description = Identity?.Description,
        Operator = Identity?.Operator,
        Tags = Identity?.Tags ?? [],
    };
}
