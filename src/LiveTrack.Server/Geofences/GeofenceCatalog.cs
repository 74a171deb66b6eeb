using LiveTrack.Geofencing;
using LiveTrack.Grains;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Geofences;

/// <summary>
/// This silo's fences: the persisted store is the source of truth, an immutable <see cref="GeofenceIndex"/> is the
/// in-memory replica aircraft grains evaluate against, swapped atomically on every change. Loaded from the store
/// before the silo starts; a change made on any silo is announced to all, which reload that fence from the store.
/// </summary>
public sealed class GeofenceCatalog(IGeofenceStore store, IOptions<GeofenceOptions> options, IHostEnvironment environment, TimeProvider timeProvider, ILogger<GeofenceCatalog> logger)
    : IHostedService, IDisposable, IGeofenceIndexProvider, IGeofenceChangeListener
{
    private readonly SemaphoreSlim writes = new(1, 1);
    private volatile GeofenceIndex index = GeofenceIndex.Empty;

    public GeofenceIndex Index => index;

    GeofenceIndex IGeofenceIndexProvider.Current => index;

    public async Task OnGeofencesChanged(string[] fenceIds)
    {
        var reloaded = new List<GeofenceDefinition>();
        foreach (var id in fenceIds)
        {
            if (await store.Load(id, CancellationToken.None) is { } stored && Parse(stored) is { } fence)
            {
                reloaded.Add(fence);
            }
        }

        await writes.WaitAsync();
        try
        {
            var changed = fenceIds.ToHashSet(StringComparer.Ordinal);
            index = GeofenceIndex.Create(index.Fences.Where(f => !changed.Contains(f.Id)).Concat(reloaded));
        }
        finally
        {
            writes.Release();
        }
    }

    private GeofenceDefinition? Parse(StoredGeofence stored)
    {
        if (NationalAirspace.IsDatasetFence(stored.GeoJson))
        {
            // Made from a boundary dataset: rebuilt with its provenance, at the dataset's size.
            var fence = NationalAirspace.Read(stored.Id, stored.GeoJson, out var error);
            if (fence is null)
            {
                GeofenceLog.StoredFenceInvalid(logger, stored.Id, error!);
            }

            return fence;
        }

        var parsed = GeofenceParser.Parse(stored.GeoJson, () => stored.Id);
        if (parsed.IsValid && parsed.Fences.Count == 1)
        {
            return parsed.Fences[0] with { Id = stored.Id };
        }

        GeofenceLog.StoredFenceInvalid(logger, stored.Id, string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return null;
    }

    public void Dispose() => writes.Dispose();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var loaded = new List<GeofenceDefinition>();
        foreach (var stored in await store.LoadAll(cancellationToken))
        {
            if (Parse(stored) is { } fence)
            {
                loaded.Add(fence);
            }
        }

        if (loaded.Count == 0 && options.Value.Seed is { Length: > 0 } seed)
        {
            loaded.AddRange(await Seed(Path.Combine(environment.ContentRootPath, seed), cancellationToken));
        }

        index = GeofenceIndex.Create(loaded);
        GeofenceLog.Loaded(logger, loaded.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<IReadOnlyList<GeofenceDefinition>> Seed(string path, CancellationToken cancellationToken)
    {
        var parsed = GeofenceParser.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        if (!parsed.IsValid)
        {
            throw new InvalidOperationException($"The geofence seed {path} is invalid: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
        }

        foreach (var fence in parsed.Fences)
        {
            await store.Save(new StoredGeofence(fence.Id, fence.SourceGeoJson, timeProvider.GetUtcNow()), cancellationToken);
        }

        GeofenceLog.Seeded(logger, parsed.Fences.Count, path);
        return parsed.Fences;
    }

    /// <summary>Stores and indexes fences (new or replacing). With <paramref name="mustBeNew"/>, an existing id is a conflict.</summary>
    public async Task<(bool Saved, string? ConflictId)> Upsert(IReadOnlyList<GeofenceDefinition> fences, bool mustBeNew, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            if (mustBeNew && fences.FirstOrDefault(f => index.Find(f.Id) is not null) is { } existing)
            {
                return (false, existing.Id);
            }

            foreach (var fence in fences)
            {
                await store.Save(new StoredGeofence(fence.Id, fence.SourceGeoJson, timeProvider.GetUtcNow()), cancellationToken);
            }

            // One rebuild per request, however many fences it carries.
            var replaced = fences.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            index = GeofenceIndex.Create(index.Fences.Where(f => !replaced.Contains(f.Id)).Concat(fences));
            return (true, null);
        }
        finally
        {
            writes.Release();
        }
    }

    public async Task<bool> Delete(string id, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            var removed = await store.Delete(id, cancellationToken);
            index = index.Without(id);
            return removed;
        }
        finally
        {
            writes.Release();
        }
    }
}

internal static partial class GeofenceLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Loaded {Count} geofences from the store")]
    public static partial void Loaded(ILogger logger, int count);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Stored {Count} demo geofences from {Path} into the empty store")]
    public static partial void Seeded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Stored geofence {Id} is no longer valid and was not loaded: {Errors}")]
    public static partial void StoredFenceInvalid(ILogger logger, string id, string errors);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Geofence writes require the API key {Key} (header X-Api-Key or Authorization: Bearer). It was generated for this run; set LiveTrack:Api:Keys to choose your own.")]
    public static partial void GeneratedApiKey(ILogger logger, string key);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Geofence writes require one of the {Count} configured API keys (header X-Api-Key or Authorization: Bearer); reads are {ReadAccess}")]
    public static partial void ConfiguredApiKeys(ILogger logger, int count, string readAccess);
}
