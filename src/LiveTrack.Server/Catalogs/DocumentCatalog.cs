using LiveTrack.Grains;
using LiveTrack.Server.Storage;

namespace LiveTrack.Server.Catalogs;

/// <summary>
/// A replicated catalog of documents (fences, rules): the store is the source of truth; every silo holds the parsed
/// items in memory and publishes them as an immutable snapshot (the fence index, the rule set) on every change.
/// Loaded (or seeded) before the silo starts. Every write — on any silo — stores a document with a version that only
/// grows (the writer's clock, at least one more than the last version it knew) and announces it to every silo;
/// each replica reloads the document under its write lock and applies it only when it is newer than what it holds,
/// so an older version never replaces a newer one, whatever the order announcements arrive in.
/// </summary>
/// <typeparam name="TItem">The parsed item.</typeparam>
/// <typeparam name="TStored">The stored document (with its id and version).</typeparam>
public abstract class DocumentCatalog<TItem, TStored>(IDocumentStore<TStored> store, CatalogReplication replication, TimeProvider timeProvider)
    : IHostedService, ICatalogReplica, IDisposable
    where TItem : class
    where TStored : class
{
    private readonly SemaphoreSlim writes = new(1, 1);
    private readonly Dictionary<string, TItem> items = new(StringComparer.Ordinal);

    // The newest version seen of every id, including deleted ones (so a late announcement cannot resurrect them).
    private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);

    public abstract CatalogKind Kind { get; }

    /// <summary>The clock that stamps stored documents.</summary>
    protected TimeProvider Clock => timeProvider;

    /// <summary>The version this silo holds of a document; 0 when it never saw one.</summary>
    public long VersionOf(string id)
    {
        lock (versions)
        {
            return versions.GetValueOrDefault(id);
        }
    }

    public void Dispose()
    {
        writes.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            var documents = await store.LoadAll(cancellationToken);
            foreach (var stored in documents)
            {
                if (Parse(stored) is { } item)
                {
                    Set(item, StoredVersion(stored));
                }
            }

            // The seed is for a store that never held anything. A store whose documents were all unreadable (moved
            // aside) or are no longer valid stays empty: seeding it would make the user's data look replaced.
            var quarantined = documents.Count == 0 ? await store.CountQuarantined(cancellationToken) : 0;
            if (documents.Count > 0 || quarantined > 0)
            {
                if (items.Count == 0)
                {
                    OnSeedWithheld(documents.Count, quarantined);
                }
            }
            else
            {
                foreach (var item in await Seed(cancellationToken))
                {
                    var version = NextVersion(IdOf(item));
                    await store.Save(ToStored(item, version), cancellationToken);
                    Set(item, version);
                }
            }

            Publish(items.Values);
        }
        finally
        {
            writes.Release();
        }

        OnLoaded(items.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Stores items (new or replacing), all or none: in one transaction where the store has them (PostgreSQL), and
    /// otherwise, when one cannot be saved, those already saved are put back. With
    /// <paramref name="mustBeNew"/>, an existing id refuses the whole write. Announced to every silo before returning.
    /// </summary>
    public async Task<CatalogWrite> Write(IReadOnlyList<TItem> written, bool mustBeNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        CatalogChange[] changes;
        bool replaced;
        await writes.WaitAsync(cancellationToken);
        try
        {
            if (mustBeNew && written.FirstOrDefault(i => items.ContainsKey(IdOf(i))) is { } existing)
            {
                return new CatalogWrite(false, IdOf(existing), false);
            }

            replaced = written.Any(i => items.ContainsKey(IdOf(i)));
            List<(TItem Item, long Version)> saved = [.. written.Select(i => (i, NextVersion(IdOf(i))))];
            try
            {
                // One transaction where the store has them; otherwise document by document, put back on failure.
                await store.SaveAll([.. saved.Select(s => ToStored(s.Item, s.Version))], cancellationToken);
            }
            catch
            {
                await Restore(saved.Select(s => IdOf(s.Item)));
                throw;
            }

            foreach (var (item, version) in saved)
            {
                Set(item, version);
            }

            Publish(items.Values);
            changes = [.. saved.Select(s => new CatalogChange(Kind, IdOf(s.Item), s.Version))];
        }
        finally
        {
            writes.Release();
        }

        await replication.Announce(changes);
        return new CatalogWrite(true, null, replaced);
    }

    /// <summary>Changes an item under the write lock (no lost update against a concurrent write); null when it does not exist.</summary>
    public async Task<TItem?> Update(string id, Func<TItem, TItem> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        TItem changed;
        long version;
        await writes.WaitAsync(cancellationToken);
        try
        {
            if (!items.TryGetValue(id, out var item))
            {
                return null;
            }

            changed = change(item);
            version = NextVersion(id);
            await store.Save(ToStored(changed, version), cancellationToken);
            Set(changed, version);
            Publish(items.Values);
        }
        finally
        {
            writes.Release();
        }

        await replication.Announce([new CatalogChange(Kind, id, version)]);
        return changed;
    }

    /// <summary>Deletes an item; false when it did not exist.</summary>
    public async Task<bool> Delete(string id, CancellationToken cancellationToken)
    {
        long version;
        await writes.WaitAsync(cancellationToken);
        try
        {
            var removed = await store.Delete(id, cancellationToken);
            if (!removed && !items.ContainsKey(id))
            {
                return false;
            }

            version = NextVersion(id);
            Remove(id, version);
            Publish(items.Values);
        }
        finally
        {
            writes.Release();
        }

        await replication.Announce([new CatalogChange(Kind, id, version)]);
        return true;
    }

    /// <summary>
    /// Applies changes announced by any silo (this one included): each changed document is reloaded from the store
    /// under the write lock and kept only when its version is newer than the one held.
    /// </summary>
    public async Task Apply(IReadOnlyList<CatalogChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await writes.WaitAsync();
        try
        {
            var changed = false;
            foreach (var change in changes.Where(c => c.Catalog == Kind))
            {
                if (change.Version <= VersionOf(change.Id))
                {
                    continue;
                }

                if (await store.Load(change.Id, CancellationToken.None) is not { } stored)
                {
                    Remove(change.Id, change.Version);
                    changed = true;
                }
                else if (StoredVersion(stored) is var version && version > VersionOf(change.Id))
                {
                    if (Parse(stored) is { } item)
                    {
                        Set(item, version);
                    }
                    else
                    {
                        Remove(change.Id, version);
                    }

                    changed = true;
                }
            }

            if (changed)
            {
                Publish(items.Values);
            }
        }
        finally
        {
            writes.Release();
        }
    }

    /// <summary>The id of an item.</summary>
    protected abstract string IdOf(TItem item);

    /// <summary>The version a stored document was written with.</summary>
    protected abstract long StoredVersion(TStored stored);

    /// <summary>The stored document of an item, with its version.</summary>
    protected abstract TStored ToStored(TItem item, long version);

    /// <summary>The item of a stored document; null (and logged) when it is no longer valid.</summary>
    protected abstract TItem? Parse(TStored stored);

    /// <summary>The items stored into an empty store at start (the embedded demo's); none by default.</summary>
    protected virtual Task<IReadOnlyList<TItem>> Seed(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TItem>>([]);

    /// <summary>Makes the current items the snapshot readers see (called under the write lock).</summary>
    protected abstract void Publish(IReadOnlyCollection<TItem> current);

    /// <summary>Called when the store has no usable document but did hold some (unloadable or quarantined): no seed.</summary>
    protected virtual void OnSeedWithheld(int invalid, int quarantined)
    {
    }

    /// <summary>Called once the catalog has loaded at start.</summary>
    protected virtual void OnLoaded(int count)
    {
    }

    private long NextVersion(string id) => Math.Max(timeProvider.GetUtcNow().UtcTicks, VersionOf(id) + 1);

    private void Set(TItem item, long version)
    {
        items[IdOf(item)] = item;
        lock (versions)
        {
            versions[IdOf(item)] = version;
        }
    }

    private void Remove(string id, long version)
    {
        items.Remove(id);
        lock (versions)
        {
            versions[id] = version;
        }
    }

    /// <summary>Puts back what a failed multi-document write had already saved.</summary>
    private async Task Restore(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (items.TryGetValue(id, out var previous))
            {
                // Put back as a new version: the store keeps the higher version, and the failed write's is newer.
                var version = NextVersion(id);
                await store.Save(ToStored(previous, version), CancellationToken.None);
                Set(previous, version);
            }
            else
            {
                await store.Delete(id, CancellationToken.None);
            }
        }
    }
}
