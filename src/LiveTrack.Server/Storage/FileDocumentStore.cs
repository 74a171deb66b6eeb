using System.Text.Json;

namespace LiveTrack.Server.Storage;

/// <summary>
/// One JSON file per document in a folder, named by the document's id; writes go to a temporary file that is flushed
/// to disk before it is renamed into place (<see cref="DurableFile"/>), so a crash never leaves a half-written
/// document. A file that cannot be read anyway (empty, truncated, not JSON) is quarantined with a logged error, and
/// the other documents load. Ids must be URL-safe (the parsers of fences and rules ensure it), which makes them safe
/// file names too. With <c>versionOf</c>, the higher version wins (see <see cref="IDocumentStore{T}.Save"/>).
/// </summary>
public class FileDocumentStore<T>(string folder, Func<T, string> idOf, ILogger logger, Func<T, long>? versionOf = null) : IDocumentStore<T>, IDisposable where T : class
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose()
    {
        gate.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task<IReadOnlyList<T>> LoadAll(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var documents = new List<T>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (await Read(file, cancellationToken) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    /// <summary>The <c>&lt;id&gt;.json.corrupt-&lt;time&gt;</c> files in the folder.</summary>
    public Task<int> CountQuarantined(CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json.corrupt-*").Count() : 0);

    /// <summary>One document, or null when it does not exist.</summary>
    public async Task<T?> Load(string id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        return await Read(path, cancellationToken);
    }

    public async Task Save(T document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(folder);
            var path = PathOf(idOf(document)) ?? throw new ArgumentException($"'{idOf(document)}' is not a valid document id.", nameof(document));
            if (versionOf is not null && File.Exists(path) && await StoredVersion(path, cancellationToken) is { } stored && stored > versionOf(document))
            {
                return; // A newer version is stored.
            }

            await DurableFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(document), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Removes a document; false when it did not exist.</summary>
    public async Task<bool> Delete(string id, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = PathOf(id);
            if (path is null || !File.Exists(path))
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

    /// <summary>The version of the document stored at <paramref name="path"/>; null when it is unreadable (it is replaced).</summary>
    private async Task<long?> StoredVersion(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken) is { } stored ? versionOf!(stored) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One file's document, or null (and the file quarantined) when it is not a readable document.</summary>
    private async Task<T?> Read(string file, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            await using var stream = File.OpenRead(file);
            if (await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken) is { } document)
            {
                return document;
            }

            problem = "the file holds JSON null";
        }
        catch (FileNotFoundException)
        {
            return null; // Deleted meanwhile.
        }
        catch (JsonException ex)
        {
            problem = ex.Message;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(file))
            {
                StorageLog.Quarantined(logger, file, DurableFile.Quarantine(file, DateTimeOffset.UtcNow), problem);
            }
        }
        finally
        {
            gate.Release();
        }

        return null;
    }

    /// <summary>The document's file, or null for an id that is not a plain file name (e.g. one with a path separator).</summary>
    private string? PathOf(string id) =>
        id.Length is > 0 and <= 128 && id.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && id is not ("." or "..") && id.IndexOf('\\') < 0
            ? Path.Combine(folder, id + ".json")
            : null;
}
