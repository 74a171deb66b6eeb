using System.ComponentModel.DataAnnotations;
using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Geofences;

/// <summary>A persisted fence: the GeoJSON Feature as accepted (the source of truth; geometry is rebuilt from it).</summary>
public sealed record StoredGeofence(string Id, string GeoJson, DateTimeOffset UpdatedAt);

/// <summary>Where fences are kept (see <see cref="IDocumentStore{T}"/>).</summary>
public interface IGeofenceStore : IDocumentStore<StoredGeofence>;

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

/// <summary>One JSON file per fence in a folder (see <see cref="FileDocumentStore{T}"/>).</summary>
public sealed class FileGeofenceStore(string folder, ILogger<FileGeofenceStore> logger) : FileDocumentStore<StoredGeofence>(folder, f => f.Id, logger), IGeofenceStore;
