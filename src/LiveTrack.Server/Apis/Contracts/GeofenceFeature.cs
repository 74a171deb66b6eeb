using System.Text.Json;
using LiveTrack.Geofencing;

namespace LiveTrack.Server.Apis.Contracts;

/// <summary>
/// A fence as a GeoJSON Feature: the effective geometry (after buffering and antimeridian normalisation) and the
/// fence's properties; the geometry as submitted is under <c>properties.submittedGeometry</c>.
/// </summary>
public sealed record GeofenceFeature(string Type, string Id, GeoJsonGeometry Geometry, GeofenceProperties Properties)
{
    public static GeofenceFeature From(GeofenceDefinition fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        using var source = JsonDocument.Parse(fence.SourceGeoJson);
        if (fence.Provenance is not null && source.RootElement.TryGetProperty("properties", out var stored) && stored.ValueKind == JsonValueKind.Object)
        {
            // A dataset fence: its kind, tolerance, version and provenance; the geometry is the dataset's own.
            return new GeofenceFeature(
                "Feature",
                fence.Id,
                GeoJsonGeometry.Of(fence.Geometry),
                new GeofenceProperties(
                    fence.Name, [.. fence.Tags], fence.FloorFeet, fence.CeilingFeet, fence.BufferNauticalMiles, SubmittedGeometry: null,
                    Kind: fence.Provenance.Kind,
                    ToleranceNm: fence.ToleranceNauticalMiles,
                    Version: stored.TryGetProperty("version", out var version) ? version.Clone() : null,
                    Provenance: stored.TryGetProperty("provenance", out var provenance) ? provenance.Clone() : null));
        }

        GeoJsonGeometry? submitted = source.RootElement.TryGetProperty("geometry", out var geometry)
            ? GeoJsonGeometry.Verbatim(geometry.Clone())
            : null;
        return new GeofenceFeature(
            "Feature",
            fence.Id,
            GeoJsonGeometry.Of(fence.Geometry),
            new GeofenceProperties(fence.Name, [.. fence.Tags], fence.FloorFeet, fence.CeilingFeet, fence.BufferNauticalMiles, submitted));
    }
}
