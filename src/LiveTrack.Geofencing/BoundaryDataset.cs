namespace LiveTrack.Geofencing;

/// <summary>
/// A national-boundary dataset LiveTrack knows how to import: its LiveTrack name, the npm package that ships it,
/// its simplification resolution, licence and attribution. Whether it is installed is for
/// <see cref="BoundaryDatasetReader.Open"/> to find out.
/// </summary>
/// <param name="Name">LiveTrack's name for it, used in requests and configuration (<c>osm-maritime-1000m</c>).</param>
/// <param name="Package">The npm package (<c>@osm_borders/maritime_1000m</c>).</param>
/// <param name="ResolutionMeters">Simplification resolution: no point of the published line is further than this from OSM's line.</param>
/// <param name="Licence">SPDX id of the data licence.</param>
/// <param name="Attribution">Attribution text the licence requires.</param>
public sealed record BoundaryDataset(string Name, string Package, double ResolutionMeters, string Licence, string Attribution)
{
    /// <summary>OpenStreetMap's licence for its data.</summary>
    public const string OpenStreetMapLicence = "ODbL-1.0";

    /// <summary>The attribution OpenStreetMap requires.</summary>
    public const string OpenStreetMapAttribution = "© OpenStreetMap contributors";

    /// <summary>The dataset the embedded demo and requests without a dataset use.</summary>
    public const string DefaultName = "osm-maritime-1000m";

    /// <summary>
    /// OpenStreetMap's admin-level-2 boundaries including the territorial sea (OSM maps the 12 nm line, from the
    /// baselines a state declared), as published on npm by the osm_borders project in three simplifications.
    /// </summary>
    public static IReadOnlyList<BoundaryDataset> Known { get; } =
    [
        new("osm-maritime-10m", "@osm_borders/maritime_10m", 10, OpenStreetMapLicence, OpenStreetMapAttribution),
        new("osm-maritime-1000m", "@osm_borders/maritime_1000m", 1000, OpenStreetMapLicence, OpenStreetMapAttribution),
        new("osm-maritime-10000m", "@osm_borders/maritime_10000m", 10000, OpenStreetMapLicence, OpenStreetMapAttribution),
    ];

    /// <summary>The package's folder name below the boundaries folder (the part after the scope: <c>maritime_1000m</c>).</summary>
    public string Folder => Package[(Package.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>The known dataset with this name (ordinal), or null.</summary>
    public static BoundaryDataset? Find(string name) =>
        Known.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
