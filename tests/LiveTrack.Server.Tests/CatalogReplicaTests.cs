using LiveTrack.Grains;
using LiveTrack.Server.Geofences;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tests;

/// <summary>A silo's replica of the fence catalog never applies an older version of a fence after a newer one.</summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogReplicaTests(ServerFixture fixture)
{
    private static string Fence(string id, string name) => $$"""
        { "type": "Feature", "id": "{{id}}", "properties": { "name": "{{name}}" },
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
        """;

    [Fact]
    public async Task A_slow_reload_of_an_older_version_does_not_replace_a_newer_one()
    {
        const string id = "versioned";
        var files = new FileGeofenceStore(Path.Combine(Path.GetTempPath(), $"livetrack-replica-{Guid.NewGuid():N}"), NullLogger<FileGeofenceStore>.Instance);
        await files.Save(new StoredGeofence(id, Fence(id, "first"), DateTimeOffset.UtcNow) { Version = 1 }, CancellationToken.None);
        var store = new PausingStore(files);
        using var replica = Replica(store);
        await replica.StartAsync(CancellationToken.None);

        // Version 2 is announced; its reload reads version 2 and is then held up...
        await files.Save(new StoredGeofence(id, Fence(id, "second"), DateTimeOffset.UtcNow) { Version = 2 }, CancellationToken.None);
        var release = store.PauseNextLoad();
        var second = replica.Apply([new CatalogChange(CatalogKind.Geofences, id, 2)]);
        await store.Loaded.WaitAsync(TimeSpan.FromSeconds(10));

        // ...while version 3 is written and announced.
        await files.Save(new StoredGeofence(id, Fence(id, "third"), DateTimeOffset.UtcNow) { Version = 3 }, CancellationToken.None);
        var third = replica.Apply([new CatalogChange(CatalogKind.Geofences, id, 3)]);
        release.SetResult();
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("third", replica.Index.Find(id)?.Name);
        Assert.Equal(3, replica.VersionOf(id));

        // A late, repeated announcement of an older version changes nothing.
        await replica.Apply([new CatalogChange(CatalogKind.Geofences, id, 2)]);
        Assert.Equal("third", replica.Index.Find(id)?.Name);
    }

    [Fact]
    public async Task A_delete_is_not_undone_by_a_late_announcement_of_an_older_version()
    {
        const string id = "deleted";
        var files = new FileGeofenceStore(Path.Combine(Path.GetTempPath(), $"livetrack-replica-{Guid.NewGuid():N}"), NullLogger<FileGeofenceStore>.Instance);
        await files.Save(new StoredGeofence(id, Fence(id, "first"), DateTimeOffset.UtcNow) { Version = 1 }, CancellationToken.None);
        using var replica = Replica(files);
        await replica.StartAsync(CancellationToken.None);

        await files.Delete(id, CancellationToken.None);
        await replica.Apply([new CatalogChange(CatalogKind.Geofences, id, 5)]);
        await files.Save(new StoredGeofence(id, Fence(id, "stale copy"), DateTimeOffset.UtcNow) { Version = 4 }, CancellationToken.None);
        await replica.Apply([new CatalogChange(CatalogKind.Geofences, id, 4)]);

        Assert.Null(replica.Index.Find(id));
    }

    private GeofenceCatalog Replica(IGeofenceStore store) => new(
        store,
        fixture.Server.Services.GetRequiredService<CatalogReplication>(),
        Options.Create(new GeofenceOptions()),
        fixture.Server.Services.GetRequiredService<IHostEnvironment>(),
        TimeProvider.System,
        NullLogger<GeofenceCatalog>.Instance);

    /// <summary>The real file store, whose next load can be held after it has read the file (a slow store or network).</summary>
    private sealed class PausingStore(FileGeofenceStore inner) : IGeofenceStore
    {
        private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? pause;

        public Task Loaded => loaded.Task;

        public TaskCompletionSource PauseNextLoad() => pause = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<StoredGeofence>> LoadAll(CancellationToken cancellationToken) => inner.LoadAll(cancellationToken);

        public async Task<StoredGeofence?> Load(string id, CancellationToken cancellationToken)
        {
            var document = await inner.Load(id, cancellationToken);
            if (Interlocked.Exchange(ref pause, null) is { } held)
            {
                loaded.TrySetResult();
                await held.Task;
            }

            return document;
        }

        public Task Save(StoredGeofence document, CancellationToken cancellationToken) => inner.Save(document, cancellationToken);

        public Task<bool> Delete(string id, CancellationToken cancellationToken) => inner.Delete(id, cancellationToken);
    }
}
