using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Geofences;

/// <summary>One JSON file per fence in a folder (see <see cref="FileDocumentStore{T}"/>).</summary>
public sealed class FileGeofenceStore(string folder, ILogger<FileGeofenceStore> logger) : FileDocumentStore<StoredGeofence>(folder, f => f.Id, logger, f => f.Version), IGeofenceStore;
