namespace LiveTrack.Server.Storage;

/// <summary>
/// Where a catalog's documents (fences, rules, pending webhook deliveries) are kept, by id: files in the embedded
/// default (<see cref="FileDocumentStore{T}"/>), the shared database with <c>LiveTrack:Storage:Provider=PostgreSql</c>
/// (<see cref="PostgreSqlDocumentStore{T}"/>).
/// </summary>
public interface IDocumentStore<T> where T : class
{
    Task<IReadOnlyList<T>> LoadAll(CancellationToken cancellationToken);

    /// <summary>One document, or null when it does not exist.</summary>
    Task<T?> Load(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a document. For versioned documents the higher version wins: a save older than the stored document
    /// (a lower version) is ignored, so a late or repeated write never undoes a newer one.
    /// </summary>
    Task Save(T document, CancellationToken cancellationToken);

    /// <summary>
    /// Stores several documents (each as <see cref="Save"/>). A store with transactions commits them all or none; the
    /// default writes them one by one, and a caller needing all-or-none puts back what a failed call had saved.
    /// </summary>
    async Task SaveAll(IReadOnlyList<T> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            await Save(document, cancellationToken);
        }
    }

    /// <summary>Removes a document; false when it did not exist.</summary>
    Task<bool> Delete(string id, CancellationToken cancellationToken);

    /// <summary>Documents moved aside as unreadable and still there (not restored or removed by the operator).</summary>
    Task<int> CountQuarantined(CancellationToken cancellationToken) => Task.FromResult(0);
}
