using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Map;

/// <summary>
/// Settings of the map page, bound from <c>LiveTrack:Map</c>. The page works offline (Natural Earth outlines from the
/// npm package <c>world-atlas</c>); an online raster tile layer is drawn under them when <see cref="TileUrl"/> is set.
/// </summary>
public sealed class MapOptions
{
    public const string SectionName = "LiveTrack:Map";

    /// <summary>
    /// An XYZ raster tile URL template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c> (optionally <c>{a-c}</c>), for
    /// users with internet; null or empty: the offline basemap only.
    /// </summary>
    [Url]
    public string? TileUrl { get; set; }

    /// <summary>Attribution shown for the online tiles (required by most tile providers).</summary>
    [StringLength(500)]
    public string? TileAttribution { get; set; }
}
