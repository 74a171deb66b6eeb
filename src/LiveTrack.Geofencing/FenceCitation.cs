using System.Globalization;
using System.Text.Json;

namespace LiveTrack.Geofencing;

/// <summary>
/// Where a fence came from, as a verdict cites it (its <c>fence.provenance</c>): the boundary dataset, its version and
/// licence, the fence's own version. One concept with <see cref="FenceProvenance"/>: a fence imported from a dataset
/// is cited from that record (<see cref="Of"/>); any other fence from what its GeoJSON properties say.
/// </summary>
/// <param name="Dataset">Dataset identifier (property <c>dataset</c>), e.g. <c>osm-maritime-1000m</c>.</param>
/// <param name="DatasetTitle">Short human name of the dataset (<c>datasetTitle</c>), e.g. "OSM maritime boundary".</param>
/// <param name="DatasetVersion">Dataset or package version (<c>datasetVersion</c>), e.g. <c>1.1.0</c>.</param>
/// <param name="ResolutionMetres">Simplification resolution of the dataset (<c>resolutionM</c>).</param>
/// <param name="Licence">Licence (<c>licence</c> or <c>license</c>), e.g. <c>ODbL-1.0</c>.</param>
/// <param name="Attribution">Attribution text (<c>attribution</c>).</param>
/// <param name="Kind">Kind of fence (<c>kind</c>), e.g. <c>national-airspace</c>.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code (<c>country</c>).</param>
/// <param name="Version">The fence's own version (<c>version</c>).</param>
/// <param name="Updated">When the fence was last imported or changed (<c>updated</c>, else <c>importedAt</c>), as written.</param>
/// <param name="Properties">
/// Every scalar property of the fence's GeoJSON except its shape parameters (<c>id, name, tags, floorFt, ceilingFt,
/// bufferNm, radiusNm, submittedGeometry</c>), in ordinal key order; strings as they are, numbers and booleans in
/// their JSON spelling.
/// </param>
public sealed record FenceCitation(
    string? Dataset,
    string? DatasetTitle,
    string? DatasetVersion,
    double? ResolutionMetres,
    string? Licence,
    string? Attribution,
    string? Kind,
    string? Country,
    string? Version,
    string? Updated,
    IReadOnlyDictionary<string, string> Properties)
{
    private static readonly HashSet<string> ShapeProperties =
        new(["id", "name", "tags", "floorFt", "ceilingFt", "bufferNm", "radiusNm", "submittedGeometry"], StringComparer.Ordinal);

    /// <summary>No provenance.</summary>
    public static FenceCitation None { get; } = new(null, null, null, null, null, null, null, null, null, null, new SortedDictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// How <paramref name="fence"/> is cited, and its tolerance: those of the boundary dataset it was imported from
    /// (<see cref="GeofenceDefinition.Provenance"/>) over what its properties state, or else its properties'.
    /// </summary>
    public static (FenceCitation Citation, double ToleranceNauticalMiles) Of(GeofenceDefinition fence)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var (stated, tolerance) = FromGeoJson(fence.SourceGeoJson);
        if (fence.Provenance is not { } dataset)
        {
            return (stated, tolerance);
        }

        return (stated with
        {
            Dataset = dataset.Dataset,
            DatasetTitle = dataset.DatasetTitle,
            DatasetVersion = dataset.PackageVersion,
            ResolutionMetres = dataset.ResolutionMeters,
            Licence = dataset.Licence,
            Attribution = dataset.Attribution,
            Kind = dataset.Kind,
            Country = string.Join(",", dataset.Countries),
            Version = dataset.FenceVersion.ToString(CultureInfo.InvariantCulture),
            Updated = dataset.ImportedAt.ToString("O", CultureInfo.InvariantCulture),
        }, dataset.ToleranceNauticalMiles);
    }

    /// <summary>
    /// Reads the provenance and the <c>toleranceNm</c> property (0 when absent, negative or not a number) from a
    /// GeoJSON Feature's properties.
    /// </summary>
    public static (FenceCitation Provenance, double ToleranceNauticalMiles) FromGeoJson(string featureJson)
    {
        ArgumentNullException.ThrowIfNull(featureJson);
        using var document = JsonDocument.Parse(featureJson);
        if (!document.RootElement.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return (None, 0);
        }

        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tolerance = 0.0;
        foreach (var property in properties.EnumerateObject())
        {
            if (property.NameEquals("toleranceNm") && property.Value.ValueKind == JsonValueKind.Number
                && property.Value.TryGetDouble(out var t) && double.IsFinite(t) && t > 0)
            {
                tolerance = t;
            }

            if (ShapeProperties.Contains(property.Name))
            {
                continue;
            }

            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                all[property.Name] = text;
            }
        }

        string? Get(string key) => all.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var resolution = Get("resolutionM") is { } r && double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres)
            && double.IsFinite(metres) && metres > 0
            ? metres
            : (double?)null;

        return (new FenceCitation(
            Get("dataset"),
            Get("datasetTitle"),
            Get("datasetVersion"),
            resolution,
            Get("licence") ?? Get("license"),
            Get("attribution"),
            Get("kind"),
            Get("country"),
            Get("version"),
            Get("updated") ?? Get("importedAt"),
            all), tolerance);
    }

    /// <summary>
    /// The parenthesis the summary puts after the fence's name, e.g. "OSM maritime boundary, 1 km resolution,
    /// v1.1.0"; null when the fence names no dataset.
    /// </summary>
    public string? Describe() => Format(DatasetTitle ?? Dataset, ResolutionMetres, DatasetVersion);

    /// <summary>
    /// The citation text of a dataset, e.g. <c>OSM maritime boundary, 1 km resolution, v1.1.0</c>, from the parts
    /// known (null when none is): what verdicts, events and alerts print.
    /// </summary>
    public static string? Format(string? datasetTitle, double? resolutionMetres, string? datasetVersion)
    {
        var parts = new List<string>(3);
        if (datasetTitle is { } title)
        {
            parts.Add(title);
        }

        if (resolutionMetres is { } m)
        {
            parts.Add(m >= 1000
                ? string.Create(CultureInfo.InvariantCulture, $"{m / 1000:0.###} km resolution")
                : string.Create(CultureInfo.InvariantCulture, $"{m:0.###} m resolution"));
        }

        if (datasetVersion is { } version)
        {
            parts.Add(version.StartsWith('v') ? version : "v" + version);
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
