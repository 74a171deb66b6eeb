namespace LiveTrack.Geofencing.Documents;

/// <summary><c>{"type": "MultiPolygon", "coordinates": [polygon, …]}</c>.</summary>
public sealed record MultiPolygonDocument : GeometryDocument
{
    public double[]?[]?[]?[]? Coordinates { get; init; }
}
