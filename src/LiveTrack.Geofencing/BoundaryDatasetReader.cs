using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LiveTrack.Geofencing;

/// <summary>
/// Reads one installed boundary dataset: the npm package's <c>package.json</c> (its version) and
/// <c>borders.geo.json</c>, a FeatureCollection with one Feature per country whose properties are <c>isoA3</c> and
/// (for most) <c>isoA2</c> and whose geometry is a GeometryCollection of Polygons and MultiPolygons in lon/lat.
/// The feature list is read once, on first use; each country's geometry is parsed (NetTopologySuite's GeoJSON
/// reader) when asked for. Thread-safe.
/// </summary>
public sealed class BoundaryDatasetReader
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Planar.Factory) } };

    private readonly Lazy<Countries> countries;

    private BoundaryDatasetReader(BoundaryDataset dataset, string packageVersion, string path)
    {
        Dataset = dataset;
        PackageVersion = packageVersion;
        FilePath = path;
        countries = new Lazy<Countries>(() => Countries.Read(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public BoundaryDataset Dataset { get; }

    /// <summary>The installed package's version (from its package.json).</summary>
    public string PackageVersion { get; }

    /// <summary>The GeoJSON file.</summary>
    public string FilePath { get; }

    /// <summary>The ISO 3166-1 alpha-3 codes of the countries in the dataset, ordered.</summary>
    public IReadOnlyList<string> CountryCodes => countries.Value.Codes;

    /// <summary>
    /// The dataset installed under <paramref name="boundariesFolder"/> (<c>&lt;folder&gt;/&lt;package folder&gt;/</c>
    /// with <c>borders.geo.json</c> and <c>package.json</c>), or null when it is not installed.
    /// </summary>
    /// <exception cref="InvalidDataException">The package is there but its package.json has no version.</exception>
    public static BoundaryDatasetReader? Open(BoundaryDataset dataset, string boundariesFolder)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var folder = Path.Combine(boundariesFolder, dataset.Folder);
        var data = Path.Combine(folder, "borders.geo.json");
        var manifest = Path.Combine(folder, "package.json");
        if (!File.Exists(data) || !File.Exists(manifest))
        {
            return null;
        }

        using var package = JsonDocument.Parse(File.ReadAllBytes(manifest));
        if (!package.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"{manifest} has no version.");
        }

        return new BoundaryDatasetReader(dataset, version.GetString()!, data);
    }

    /// <summary>
    /// The dataset's alpha-3 code for <paramref name="code"/>: an ISO 3166-1 alpha-3 code (<c>MEX</c>) or alpha-2
    /// code (<c>MX</c>), any case. Null when the dataset has no such country.
    /// </summary>
    public string? Resolve(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var upper = code.Trim().ToUpperInvariant();
        var index = countries.Value;
        return upper.Length switch
        {
            3 when index.Geometries.ContainsKey(upper) => upper,
            2 when index.Alpha2.TryGetValue(upper, out var alpha3) => alpha3,
            _ => null,
        };
    }

    /// <summary>The ISO 3166-1 alpha-2 code of a country of the dataset (null for the few without one).</summary>
    public string? Alpha2Of(string alpha3) =>
        countries.Value.Alpha2.FirstOrDefault(p => p.Value == alpha3).Key;

    /// <summary>
    /// The country's area as published: every Polygon of its GeometryCollection, as one Polygon or MultiPolygon
    /// exactly as in the file (not yet validated or normalised; see <see cref="NationalAirspace"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such alpha-3 code in the dataset.</exception>
    public Geometry ReadCountry(string alpha3)
    {
        var json = countries.Value.Geometries[alpha3];
        var geometry = JsonSerializer.Deserialize<Geometry>(json, GeoJson)
            ?? throw new InvalidDataException($"{FilePath}: {alpha3} has no geometry.");
        return Planar.OnlyPolygons(geometry);
    }

    /// <summary>The features' codes and raw geometries (the document itself is not kept).</summary>
    private sealed record Countries(IReadOnlyList<string> Codes, Dictionary<string, string> Geometries, Dictionary<string, string> Alpha2)
    {
        public static Countries Read(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} is not a GeoJSON FeatureCollection.");
            }

            var geometries = new Dictionary<string, string>(StringComparer.Ordinal);
            var alpha2 = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var feature in features.EnumerateArray())
            {
                if (!feature.TryGetProperty("properties", out var properties)
                    || !properties.TryGetProperty("isoA3", out var a3) || a3.ValueKind != JsonValueKind.String
                    || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{path}: a feature has no isoA3 property or no geometry.");
                }

                var code = a3.GetString()!.ToUpperInvariant();
                geometries[code] = geometry.GetRawText();
                if (properties.TryGetProperty("isoA2", out var a2) && a2.ValueKind == JsonValueKind.String)
                {
                    alpha2[a2.GetString()!.ToUpperInvariant()] = code;
                }
            }

            return new Countries([.. geometries.Keys.Order(StringComparer.Ordinal)], geometries, alpha2);
        }
    }
}
