using System.Text.Json;
using System.Text.Json.Serialization;
using LiveTrack.Geofencing;
using NetTopologySuite.Geometries;

namespace LiveTrack.Server.Apis.Contracts;

/// <summary>
/// A GeoJSON geometry object in a response: a fence's effective NetTopologySuite geometry (written by
/// <see cref="GeofenceGeoJson"/> with RFC 7946 winding) or the geometry as it was submitted (written verbatim).
/// Written straight into the response while it streams, never held as text per fence.
/// </summary>
[JsonConverter(typeof(GeoJsonGeometryConverter))]
public readonly record struct GeoJsonGeometry
{
    private GeoJsonGeometry(Geometry? effective, JsonElement submitted)
    {
        Effective = effective;
        Submitted = submitted;
    }

    internal Geometry? Effective { get; }

    internal JsonElement Submitted { get; }

    public static GeoJsonGeometry Of(Geometry geometry) => new(geometry, default);

    public static GeoJsonGeometry Verbatim(JsonElement geometry) => new(null, geometry);
}
