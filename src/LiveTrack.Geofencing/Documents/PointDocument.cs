namespace LiveTrack.Geofencing.Documents;

/// <summary><c>{"type": "Point", "coordinates": [longitude, latitude]}</c>: a circle's centre (with <c>properties.radiusNm</c>).</summary>
public sealed record PointDocument : GeometryDocument
{
    public double[]? Coordinates { get; init; }
}
