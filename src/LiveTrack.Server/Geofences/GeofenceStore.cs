using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Server.Geofences;

/// <summary>A persisted fence: the GeoJSON Feature as accepted (the source of truth; geometry is rebuilt from it).</summary>
public sealed record StoredGeofence(string Id, string GeoJson, DateTimeOffset UpdatedAt);

/// <summary>
/// Where fences are kept. The embedded default is <see cref="FileGeofenceStore"/>; a clustered deployment plugs in a
/// shared store (e.g. Redis) behind the same interface.
/// </summary>
public interface IGeofenceStore
{
    Task<IReadOnlyList<StoredGeofence>> LoadAll(CancellationToken cancellationToken);

    /// <summary>One fence, or null when it does not exist.</summary>
    Task<StoredGeofence?> Load(string id, CancellationToken cancellationToken);

    Task Save(StoredGeofence fence, CancellationToken cancellationToken);

    /// <summary>Removes a fence; false when it did not exist.</summary>
    Task<bool> Delete(string id, CancellationToken cancellationToken);
}

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

/// <summary>
/// One JSON file per fence in a folder; writes go to a temporary file first and are renamed into place, so a crash
/// never leaves a half-written fence.
/// </summary>
public sealed class FileGeofenceStore(string folder) : IGeofenceStore, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async Task<IReadOnlyList<StoredGeofence>> LoadAll(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var fences = new List<StoredGeofence>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var stored = await JsonSerializer.DeserializeAsync<StoredGeofence>(stream, cancellationToken: cancellationToken);
            if (stored is not null)
            {
                fences.Add(stored);
            }
        }

        return fences;
    }

    public async Task<StoredGeofence?> Load(string id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<StoredGeofence>(stream, cancellationToken: cancellationToken);
    }

    public async Task Save(StoredGeofence fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fence);
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(folder);
            var path = PathOf(fence.Id);
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(fence), Encoding.UTF8, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<bool> Delete(string id, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = PathOf(id);
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    // Fence ids are restricted to URL-safe characters by the parser, so they are safe file names too.
    private string PathOf(string id) => Path.Combine(folder, id + ".json");
}
