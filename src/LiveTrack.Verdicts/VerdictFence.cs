using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>The fence a verdict is about: its geometry and altitude band, its tolerance and provenance.</summary>
/// <param name="Definition">The fence as the geofence store holds it.</param>
/// <param name="ToleranceNauticalMiles">
/// The fence's own uncertainty (its <c>toleranceNm</c> property, e.g. the boundary dataset's resolution), added to
/// every report's uncertainty: a position closer to the line than this cannot be decided from this fence.
/// </param>
/// <param name="Provenance">Where the fence came from.</param>
public sealed record VerdictFence(GeofenceDefinition Definition, double ToleranceNauticalMiles, FenceCitation Provenance)
{
    /// <summary>
    /// A verdict fence with the tolerance and provenance of the boundary dataset it was imported from
    /// (<see cref="GeofenceDefinition.Provenance"/>), or else those its GeoJSON properties give.
    /// </summary>
    public static VerdictFence From(GeofenceDefinition definition)
    {
        var (citation, tolerance) = FenceCitation.Of(definition);
        return new VerdictFence(definition, tolerance, citation);
    }
}
