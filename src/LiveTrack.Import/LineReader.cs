namespace LiveTrack.Import;

/// <summary>What <see cref="LineReader.TryReadLine"/> found.</summary>
internal enum LineKind
{
    /// <summary>No complete line is buffered: fill, or at the end take the unterminated rest.</summary>
    None,

    /// <summary>A line, without its CR/LF.</summary>
    Line,

    /// <summary>A line longer than the limit; its bytes were dropped up to its line feed.</summary>
    TooLong,
}

/// <summary>
/// Splits a stream into lines at LF (a preceding CR is dropped) with one bounded buffer: memory stays at
/// <see cref="MaxLineBytes"/> whatever the file's size. Fill it asynchronously, then take lines synchronously.
/// </summary>
internal sealed class LineReader(Stream stream, int maxLineBytes = LineReader.DefaultMaxLineBytes)
{
    public const int DefaultMaxLineBytes = 64 * 1024;

    private readonly byte[] buffer = new byte[Math.Max(maxLineBytes, 4096) + 1];
    private int start;
    private int end;
    private bool discarding;

    public int MaxLineBytes => buffer.Length - 1;

    /// <summary>True once the stream has ended.</summary>
    public bool Ended { get; private set; }

    /// <summary>Reads more input; false once the stream has ended.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Ended)
        {
            return false;
        }

        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            // A full buffer without a line feed: the line is too long. Drop it and skip to its end.
            discarding = true;
            end = 0;
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        if (read == 0)
        {
            Ended = true;
            return false;
        }

        end += read;
        return true;
    }

    /// <summary>Takes the next complete line from the buffer.</summary>
    public LineKind TryReadLine(out ReadOnlySpan<byte> line)
    {
        var available = buffer.AsSpan(start, end - start);
        var newline = available.IndexOf((byte)'\n');
        if (newline < 0)
        {
            line = default;
            return LineKind.None;
        }

        start += newline + 1;
        if (discarding)
        {
            discarding = false;
            line = default;
            return LineKind.TooLong;
        }

        line = available[..newline];
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return LineKind.Line;
    }

    /// <summary>After the end: the last line when the file does not end with a line feed.</summary>
    public LineKind TryReadRest(out ReadOnlySpan<byte> rest)
    {
        rest = buffer.AsSpan(start, end - start);
        start = end;
        if (discarding)
        {
            discarding = false;
            return LineKind.TooLong;
        }

        return rest.IsEmpty ? LineKind.None : LineKind.Line;
    }
}
