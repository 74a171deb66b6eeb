using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Map;

/// <summary>
/// Settings of the map page, bound from <c>LiveTrack:Map</c>. The page works offline (Natural Earth outlines from the
/// npm package <c>world-atlas</c>); an online raster tile layer is drawn under them when <see cref="TileUrl"/> is set.
/// </summary>
public sealed class MapOptions : IValidatableObject
{
    public const string SectionName = "LiveTrack:Map";

    /// <summary>
    /// An XYZ raster tile URL template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c> (optionally <c>{a-c}</c>), for
    /// users with internet; null or empty: the offline basemap only.
    /// </summary>
    [StringLength(2000)]
    public string? TileUrl { get; set; }

    /// <summary>Attribution shown for the online tiles (required by most tile providers).</summary>
    [StringLength(500)]
    public string? TileAttribution { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TileUrl))
        {
            yield break;
        }

        var absolute = Uri.TryCreate(TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!absolute || !TileUrl.Contains("{z}", StringComparison.Ordinal) || !TileUrl.Contains("{x}", StringComparison.Ordinal) || !TileUrl.Contains("{y}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Expected an absolute http(s) XYZ tile URL template with {z}, {x} and {y}.", [nameof(TileUrl)]);
        }
    }
}
