using LiveTrack.Geofencing;

namespace LiveTrack.Verdicts;

/// <summary>The fence a verdict is about: its geometry and altitude band, its tolerance and provenance.</summary>
/// <param name="Definition">The fence as the geofence store holds it.</param>
/// <param name="ToleranceNauticalMiles">
/// The fence's own uncertainty (its <c>toleranceNm</c> property, e.g. the boundary dataset's resolution), added to
/// every report's uncertainty: a position closer to the line than this cannot be decided from this fence.
/// </param>
/// <param name="Provenance">Where the fence came from.</param>
public sealed record VerdictFence(GeofenceDefinition Definition, double ToleranceNauticalMiles, FenceProvenance Provenance)
{
    /// <summary>
    /// A verdict fence with the tolerance and provenance of the boundary dataset it was imported from
    /// (<see cref="GeofenceDefinition.Provenance"/>), or else those its GeoJSON properties give.
    /// </summary>
    public static VerdictFence From(GeofenceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (stated, tolerance) = FenceProvenance.FromGeoJson(definition.SourceGeoJson);
        if (definition.Provenance is not { } dataset)
        {
            return new VerdictFence(definition, tolerance, stated);
        }

        var provenance = stated with
        {
            Dataset = dataset.Dataset,
            DatasetTitle = dataset.Dataset.StartsWith("osm-maritime", StringComparison.Ordinal) ? "OSM maritime boundary" : dataset.Dataset,
            DatasetVersion = dataset.PackageVersion,
            ResolutionMetres = dataset.ResolutionMeters,
            Licence = dataset.Licence,
            Attribution = dataset.Attribution,
            Kind = dataset.Kind,
            Country = string.Join(",", dataset.Countries),
            Version = dataset.FenceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Updated = dataset.ImportedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        return new VerdictFence(definition, dataset.ToleranceNauticalMiles, provenance);
    }
}
