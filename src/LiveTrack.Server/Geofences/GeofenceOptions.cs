using System.ComponentModel.DataAnnotations;

namespace LiveTrack.Server.Geofences;

/// <summary>Settings of the fence store and API. Bound from <c>LiveTrack:Geofences</c>.</summary>
public sealed class GeofenceOptions
{
    public const string SectionName = "LiveTrack:Geofences";

    /// <summary>Folder of the file store (relative paths are relative to the working directory).</summary>
    [Required]
    public string StorePath { get; set; } = "data/geofences";

    /// <summary>A GeoJSON FeatureCollection stored when the store starts empty (the embedded demo's fences).</summary>
    public string? Seed { get; set; }
}
