namespace LiveTrack;

/// <summary>How good a position is, when the feed says (readsb <c>nic</c>, <c>nac_p</c>, <c>rc</c>).</summary>
[GenerateSerializer, Immutable, Alias("livetrack.PositionAccuracy")]
public readonly record struct PositionAccuracy(
    [property: Id(0)] int? Nic,
    [property: Id(1)] int? NacP,
    [property: Id(2)] double? ContainmentRadiusMeters);
