namespace LiveTrack.Geofencing;

/// <summary>
/// Where a fence's shape came from, for fences imported from a boundary dataset (national airspace) or derived from
/// one (international waters): which dataset and package version, under which licence and attribution, at which
/// simplification resolution, when it was imported, and the tolerance that resolution implies. Kept in the fence's
/// GeoJSON properties (<c>kind</c>, <c>toleranceNm</c>, <c>version</c> and the <c>provenance</c> object) and copied
/// into every event and alert about the fence.
/// </summary>
public sealed record FenceProvenance
{
    /// <summary><see cref="NationalAirspaceKind"/> or <see cref="InternationalWatersKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The dataset's LiveTrack name, e.g. <c>osm-maritime-1000m</c>.</summary>
    public required string Dataset { get; init; }

    /// <summary>The npm package it was read from, e.g. <c>@osm_borders/maritime_1000m</c>.</summary>
    public required string Package { get; init; }

    /// <summary>The package's version, e.g. <c>1.1.0</c>.</summary>
    public required string PackageVersion { get; init; }

    /// <summary>SPDX licence id of the data, e.g. <c>ODbL-1.0</c>.</summary>
    public required string Licence { get; init; }

    /// <summary>Attribution the licence requires, e.g. <c>© OpenStreetMap contributors</c>.</summary>
    public required string Attribution { get; init; }

    /// <summary>The dataset's simplification resolution in metres (1000 for 1 km).</summary>
    public required double ResolutionMeters { get; init; }

    /// <summary>
    /// How far from the line a position must be for this dataset to decide it: the resolution in nautical miles.
    /// A position closer to the line than this is undetermined as far as a verdict is concerned.
    /// </summary>
    public double ToleranceNauticalMiles => ResolutionMeters / 1852;

    /// <summary>ISO 3166-1 alpha-3 codes: the country (national airspace) or the countries subtracted (international waters).</summary>
    public required IReadOnlyList<string> Countries { get; init; }

    /// <summary>When the shape was read from the dataset.</summary>
    public required DateTimeOffset ImportedAt { get; init; }

    /// <summary>The fence's version: 1 at the first import, one more at each import of a different dataset version.</summary>
    public int FenceVersion { get; init; } = 1;

    /// <summary>Kind of a country's national airspace (land, internal waters and territorial sea).</summary>
    public const string NationalAirspaceKind = "national-airspace";

    /// <summary>Kind of a water area minus the national airspace around it.</summary>
    public const string InternationalWatersKind = "international-waters";

    /// <summary>
    /// The short description an alert or verdict cites, e.g. <c>OSM maritime boundary, 1 km resolution, v1.1.0</c>
    /// (<see cref="FenceCitation.Format"/>).
    /// </summary>
    public string Citation => FenceCitation.Format(DatasetTitle, ResolutionMeters, PackageVersion)!;

    /// <summary>The dataset's human name, e.g. <c>OSM maritime boundary</c> for the <c>osm-maritime-*</c> datasets.</summary>
    public string DatasetTitle => Dataset.StartsWith("osm-maritime", StringComparison.Ordinal) ? "OSM maritime boundary" : Dataset;

    /// <inheritdoc/>
    public bool Equals(FenceProvenance? other) =>
        other is not null
        && Kind == other.Kind && Dataset == other.Dataset && Package == other.Package && PackageVersion == other.PackageVersion
        && Licence == other.Licence && Attribution == other.Attribution && ResolutionMeters.Equals(other.ResolutionMeters)
        && Countries.SequenceEqual(other.Countries, StringComparer.Ordinal) && ImportedAt == other.ImportedAt
        && FenceVersion == other.FenceVersion;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Dataset, PackageVersion, ImportedAt, FenceVersion);
}
