using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace LiveTrack.Geofencing;

/// <summary>
/// Fences made from a boundary dataset: a country's national airspace (its land, internal waters and territorial
/// sea as the dataset draws them), and international waters (a water area minus the national airspace of the
/// countries around it). Each carries its <see cref="FenceProvenance"/> in <see cref="GeofenceDefinition.Provenance"/>
/// and in its GeoJSON document (<see cref="GeofenceDefinition.SourceGeoJson"/>), which is also what is stored:
/// <see cref="Read"/> rebuilds the fence from it, so a stored fence keeps the dataset version it was made from.
/// </summary>
/// <remarks>
/// The document is a GeoJSON Feature whose properties are <c>name</c>, <c>tags</c>, <c>floorFt</c>/<c>ceilingFt</c>
/// (absent unless given: national airspace has no ceiling below space), <c>kind</c>, <c>toleranceNm</c> (the
/// dataset's resolution in nautical miles), <c>version</c> (the fence's version) and <c>provenance</c>
/// (<c>dataset</c>, <c>package</c>, <c>packageVersion</c>, <c>licence</c>, <c>attribution</c>,
/// <c>resolutionM</c>, <c>countries</c>, <c>importedAt</c>). Geometry: the dataset's polygons, repaired with
/// NetTopologySuite's <see cref="GeometryFixer"/> where the published rings are not valid, in the canonical
/// antimeridian form. Vertex counts are those of the dataset (no <see cref="GeofenceParser.MaxVertices"/> limit).
/// </remarks>
public static class NationalAirspace
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Planar.Factory) } };

    /// <summary>The fence id of a country's national airspace: <c>national-airspace-mex</c>.</summary>
    public static string FenceId(string alpha3) => "national-airspace-" + alpha3.ToLowerInvariant();

    /// <summary>True when the GeoJSON Feature is a dataset fence (its <c>properties.kind</c> says so) that <see cref="Read"/> reads.</summary>
    public static bool IsDatasetFence(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("kind", out var kind)
                && kind.ValueKind == JsonValueKind.String
                && kind.GetString() is FenceProvenance.NationalAirspaceKind or FenceProvenance.InternationalWatersKind
                && properties.TryGetProperty("provenance", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The national airspace of <paramref name="alpha3"/> from <paramref name="dataset"/>.
    /// </summary>
    /// <param name="name">The fence's name; default <c>National airspace of MEX</c>.</param>
    /// <param name="fenceVersion">The fence's version (see <see cref="FenceProvenance.FenceVersion"/>).</param>
    /// <exception cref="KeyNotFoundException">The dataset has no such country.</exception>
    public static GeofenceDefinition Create(
        BoundaryDatasetReader dataset,
        string alpha3,
        DateTimeOffset importedAt,
        string? name = null,
        int? floorFeet = null,
        int? ceilingFeet = null,
        int fenceVersion = 1)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var geometry = Canonical(dataset.ReadCountry(alpha3), alpha3);
        var provenance = ProvenanceOf(dataset, FenceProvenance.NationalAirspaceKind, [alpha3], importedAt, fenceVersion);
        var alpha2 = dataset.Alpha2Of(alpha3);
        string[] tags = alpha2 is null
            ? [FenceProvenance.NationalAirspaceKind, alpha3.ToLowerInvariant(), dataset.Dataset.Name]
            : [FenceProvenance.NationalAirspaceKind, alpha3.ToLowerInvariant(), alpha2.ToLowerInvariant(), dataset.Dataset.Name];
        return Build(FenceId(alpha3), name ?? $"National airspace of {alpha3}", tags, geometry, floorFeet, ceilingFeet, provenance);
    }

    /// <summary>
    /// International waters within <paramref name="area"/>: the area minus the national airspace of
    /// <paramref name="countries"/> (fences made by <see cref="Create"/> from one dataset), with that dataset's
    /// provenance. Null when nothing of the area is left.
    /// </summary>
    public static GeofenceDefinition? InternationalWaters(
        string id,
        string name,
        Geometry area,
        IReadOnlyList<GeofenceDefinition> countries,
        DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(countries);
        if (countries.Count == 0 || countries.Any(c => c.Provenance?.Kind != FenceProvenance.NationalAirspaceKind))
        {
            throw new ArgumentException("International waters are derived from national-airspace fences.", nameof(countries));
        }

        var source = countries[0].Provenance!;
        var rest = Planar.OnlyPolygons(Planar.Difference(area, Planar.UnionPolygons([.. countries.Select(c => c.Geometry)])));
        if (rest.IsEmpty)
        {
            return null;
        }

        var provenance = source with
        {
            Kind = FenceProvenance.InternationalWatersKind,
            Countries = [.. countries.SelectMany(c => c.Provenance!.Countries).Distinct(StringComparer.Ordinal)],
            ImportedAt = importedAt,
            FenceVersion = 1,
        };
        return Build(id, name, [FenceProvenance.InternationalWatersKind, source.Dataset], rest, null, null, provenance);
    }

    /// <summary>The same fence as a new version (same shape and properties; version one more).</summary>
    public static GeofenceDefinition WithVersion(GeofenceDefinition fence, int version)
    {
        ArgumentNullException.ThrowIfNull(fence);
        var provenance = (fence.Provenance ?? throw new ArgumentException("Not a dataset fence.", nameof(fence))) with { FenceVersion = version };
        return Build(fence.Id, fence.Name, fence.Tags, fence.Geometry, fence.FloorFeet, fence.CeilingFeet, provenance);
    }

    /// <summary>
    /// Rebuilds a dataset fence from its stored document (see <see cref="IsDatasetFence"/>), validating it; null
    /// with <paramref name="error"/> when the document is not a valid one.
    /// </summary>
    public static GeofenceDefinition? Read(string id, string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var properties = root.GetProperty("properties");
            var p = properties.GetProperty("provenance");
            var provenance = new FenceProvenance
            {
                Kind = properties.GetProperty("kind").GetString()!,
                Dataset = p.GetProperty("dataset").GetString()!,
                Package = p.GetProperty("package").GetString()!,
                PackageVersion = p.GetProperty("packageVersion").GetString()!,
                Licence = p.GetProperty("licence").GetString()!,
                Attribution = p.GetProperty("attribution").GetString()!,
                ResolutionMeters = p.GetProperty("resolutionM").GetDouble(),
                Countries = [.. p.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!)],
                ImportedAt = p.GetProperty("importedAt").GetDateTimeOffset(),
                FenceVersion = properties.TryGetProperty("version", out var v) ? v.GetInt32() : 1,
            };
            var raw = JsonSerializer.Deserialize<Geometry>(root.GetProperty("geometry").GetRawText(), GeoJson)
                ?? throw new InvalidDataException("no geometry");
            var geometry = Canonical(Planar.OnlyPolygons(raw), id);
            var name = properties.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : id;
            var tags = properties.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(x => x.GetString()!).ToArray()
                : [];
            var floor = properties.TryGetProperty("floorFt", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : (int?)null;
            var ceiling = properties.TryGetProperty("ceilingFt", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : (int?)null;
            error = null;
            return new GeofenceDefinition(id, name, tags, geometry, floor, ceiling, 0, json) { Provenance = provenance };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException or FormatException or ArgumentException)
        {
            error = e.Message;
            return null;
        }
    }

    private static FenceProvenance ProvenanceOf(BoundaryDatasetReader dataset, string kind, string[] countries, DateTimeOffset importedAt, int fenceVersion) => new()
    {
        Kind = kind,
        Dataset = dataset.Dataset.Name,
        Package = dataset.Dataset.Package,
        PackageVersion = dataset.PackageVersion,
        Licence = dataset.Dataset.Licence,
        Attribution = dataset.Dataset.Attribution,
        ResolutionMeters = dataset.Dataset.ResolutionMeters,
        Countries = countries,
        ImportedAt = importedAt,
        FenceVersion = fenceVersion,
    };

    /// <summary>Valid polygons (repaired when the published rings are not), split at the antimeridian.</summary>
    private static Geometry Canonical(Geometry polygons, string what)
    {
        var shape = polygons.IsValid ? polygons : Planar.OnlyPolygons(GeometryFixer.Fix(polygons));
        shape = Antimeridian.Normalize(shape);
        if (shape.IsEmpty || !shape.IsValid)
        {
            throw new InvalidDataException($"{what}: the dataset's shape is empty or could not be made valid.");
        }

        return shape;
    }

    private static GeofenceDefinition Build(
        string id,
        string name,
        IReadOnlyList<string> tags,
        Geometry geometry,
        int? floorFeet,
        int? ceilingFeet,
        FenceProvenance provenance) =>
        new(id, name, tags, geometry, floorFeet, ceilingFeet, 0, Document(id, name, tags, geometry, floorFeet, ceilingFeet, provenance))
        {
            Provenance = provenance,
        };

    private static string Document(
        string id,
        string name,
        IReadOnlyList<string> tags,
        Geometry geometry,
        int? floorFeet,
        int? ceilingFeet,
        FenceProvenance provenance)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteString("id", id);
            writer.WriteStartObject("properties");
            writer.WriteString("name", name);
            writer.WriteStartArray("tags");
            foreach (var tag in tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            if (floorFeet is { } floor)
            {
                writer.WriteNumber("floorFt", floor);
            }

            if (ceilingFeet is { } ceiling)
            {
                writer.WriteNumber("ceilingFt", ceiling);
            }

            writer.WriteString("kind", provenance.Kind);
            writer.WriteNumber("toleranceNm", provenance.ToleranceNauticalMiles);
            writer.WriteNumber("version", provenance.FenceVersion);
            writer.WriteStartObject("provenance");
            writer.WriteString("dataset", provenance.Dataset);
            writer.WriteString("package", provenance.Package);
            writer.WriteString("packageVersion", provenance.PackageVersion);
            writer.WriteString("licence", provenance.Licence);
            writer.WriteString("attribution", provenance.Attribution);
            writer.WriteNumber("resolutionM", provenance.ResolutionMeters);
            writer.WriteStartArray("countries");
            foreach (var country in provenance.Countries)
            {
                writer.WriteStringValue(country);
            }

            writer.WriteEndArray();
            writer.WriteString("importedAt", provenance.ImportedAt.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WritePropertyName("geometry");
            GeofenceGeoJson.WriteGeometry(writer, geometry);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
