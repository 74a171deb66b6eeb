using System.Globalization;

namespace LiveTrack.Server.Storage;

/// <summary>
/// File writes that survive a crash or power cut: the new content goes to a temporary file that is flushed to disk
/// (fsync) before it is renamed over the old one, so a reader sees either the old or the new content, never a part.
/// And the way out for a file that is unreadable anyway: it is moved aside (quarantined) so the server can start.
/// </summary>
public static class DurableFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>: write, fsync, rename.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await stream.WriteAsync(content, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Replaces <paramref name="path"/> with the output of <paramref name="write"/>: write, fsync, rename.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Moves an unreadable file aside as <c>{path}.corrupt-{UTC time}</c>, where no loader looks, and returns its new
    /// path: kept for inspection, no longer in the way.
    /// </summary>
    public static string Quarantine(string path, DateTimeOffset now)
    {
        var target = $"{path}.corrupt-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}";
        File.Move(path, target, overwrite: true);
        return target;
    }
}
