using LiveTrack.Geofencing;

namespace LiveTrack.Server.Apis.Contracts;

/// <summary>A fence without its geometry (<c>GET /api/geofences?view=summary</c>): what a list or a picker needs.</summary>
/// <param name="Bbox">The effective geometry's bounding box, <c>[minLon, minLat, maxLon, maxLat]</c>.</param>
/// <param name="Vertices">Positions in the effective geometry.</param>
public sealed record GeofenceSummary(string Id, string Name, string[] Tags, int? FloorFt, int? CeilingFt, double BufferNm, double[] Bbox, int Vertices)
{
    public static GeofenceSummary From(GeofenceDefinition fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var envelope = fence.Geometry.EnvelopeInternal;
        return new GeofenceSummary(
            fence.Id,
            fence.Name,
            [.. fence.Tags],
            fence.FloorFeet,
            fence.CeilingFeet,
            fence.BufferNauticalMiles,
            [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY],
            fence.Geometry.NumPoints);
    }
}
