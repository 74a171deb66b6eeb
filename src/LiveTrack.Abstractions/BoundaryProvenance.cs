namespace LiveTrack;

/// <summary>
/// Where the shape of a fence made from a boundary dataset came from (national airspace, international waters),
/// carried in every event and alert about that fence so they can say which dataset and version decided them.
/// </summary>
[GenerateSerializer, Immutable, Alias("livetrack.BoundaryProvenance")]
public sealed record BoundaryProvenance
{
    /// <summary><c>national-airspace</c> or <c>international-waters</c>.</summary>
    [Id(0)] public required string Kind { get; init; }

    /// <summary>LiveTrack's dataset name, e.g. <c>osm-maritime-1000m</c>.</summary>
    [Id(1)] public required string Dataset { get; init; }

    /// <summary>The npm package, e.g. <c>@osm_borders/maritime_1000m</c>.</summary>
    [Id(2)] public required string Package { get; init; }

    /// <summary>The package's version, e.g. <c>1.1.0</c>.</summary>
    [Id(3)] public required string PackageVersion { get; init; }

    /// <summary>SPDX licence id, e.g. <c>ODbL-1.0</c>.</summary>
    [Id(4)] public required string Licence { get; init; }

    /// <summary>e.g. <c>© OpenStreetMap contributors</c>.</summary>
    [Id(5)] public required string Attribution { get; init; }

    /// <summary>Simplification resolution in metres.</summary>
    [Id(6)] public double ResolutionMeters { get; init; }

    /// <summary>The resolution in nautical miles: positions closer to the line cannot be decided from this dataset.</summary>
    [Id(7)] public double ToleranceNm { get; init; }

    /// <summary>ISO 3166-1 alpha-3 codes of the country (or of the countries subtracted, for international waters).</summary>
    [Id(8)] public string[] Countries { get; init; } = [];

    /// <summary>When the fence's shape was read from the dataset.</summary>
    [Id(9)] public DateTimeOffset ImportedAt { get; init; }

    /// <summary>The fence's version (one more at each import of a different dataset version).</summary>
    [Id(10)] public int FenceVersion { get; init; }

    /// <summary>For people: <c>OSM maritime boundary, 1 km resolution, v1.1.0</c>.</summary>
    [Id(11)] public required string Citation { get; init; }
}
