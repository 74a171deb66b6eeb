using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Geofences;

/// <summary>Where fences are kept (see <see cref="IDocumentStore{T}"/>).</summary>
public interface IGeofenceStore : IDocumentStore<StoredGeofence>;
