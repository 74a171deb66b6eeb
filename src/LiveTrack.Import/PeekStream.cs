namespace LiveTrack.Import;

/// <summary>A forward-only stream whose first bytes can be looked at (for format detection) before they are read.</summary>
internal sealed class PeekStream(Stream inner) : ReadOnlyStream
{
    private byte[] head = [];
    private int headStart;
    private int headEnd;

    /// <summary>Returns up to <paramref name="count"/> bytes from the current position without consuming them.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> PeekAsync(int count, CancellationToken cancellationToken)
    {
        if (headEnd - headStart < count)
        {
            var grown = new byte[count];
            var length = headEnd - headStart;
            head.AsSpan(headStart, length).CopyTo(grown);
            head = grown;
            headStart = 0;
            headEnd = length;
            while (headEnd < count)
            {
                var read = await inner.ReadAsync(head.AsMemory(headEnd, count - headEnd), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                headEnd += read;
            }
        }

        return head.AsMemory(headStart, Math.Min(count, headEnd - headStart));
    }

    public override int Read(Span<byte> buffer)
    {
        if (headStart < headEnd)
        {
            return FromHead(buffer);
        }

        return inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (headStart < headEnd)
        {
            return ValueTask.FromResult(FromHead(buffer.Span));
        }

        return inner.ReadAsync(buffer, cancellationToken);
    }

    private int FromHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, headEnd - headStart);
        head.AsSpan(headStart, count).CopyTo(buffer);
        headStart += count;
        return count;
    }
}
