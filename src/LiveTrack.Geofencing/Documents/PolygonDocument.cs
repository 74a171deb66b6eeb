namespace LiveTrack.Geofencing.Documents;

/// <summary><c>{"type": "Polygon", "coordinates": [ring, …]}</c>: rings of [longitude, latitude(, altitude)] positions.</summary>
public sealed record PolygonDocument : GeometryDocument
{
    public double[]?[]?[]? Coordinates { get; init; }
}
