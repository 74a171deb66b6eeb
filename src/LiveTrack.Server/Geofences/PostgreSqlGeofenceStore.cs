using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Geofences;

/// <summary>Fences in the shared database (see <see cref="PostgreSqlDocumentStore{T}"/>).</summary>
public sealed class PostgreSqlGeofenceStore(PostgreSqlStorage storage) : PostgreSqlDocumentStore<StoredGeofence>(storage, "geofence", f => f.Id, f => f.Version), IGeofenceStore;
