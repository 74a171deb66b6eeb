using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace LiveTrack.Import;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the gzip trailer (CRC-32 and length of the data) against what
/// was decompressed. <see cref="GZipStream"/> alone treats a file cut short as a shorter file; this stream throws
/// <see cref="InvalidDataException"/> instead, from the read that would otherwise report the end, so a reader never
/// sees the end of a truncated file as a clean end.
/// </summary>
/// <remarks>
/// The trailer checked is the last one of the file, so a file of several concatenated gzip members (which
/// <see cref="GZipStream"/> reads as one) fails the check too; the error says so.
/// </remarks>
internal sealed class GzipContentStream : ReadOnlyStream
{
    private readonly TailStream compressed;
    private readonly GZipStream gzip;
    private readonly Crc32 crc = new();
    private long length;
    private bool verified;

    public GzipContentStream(Stream inner)
    {
        compressed = new TailStream(inner);
        gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(Span<byte> buffer)
    {
        var read = gzip.Read(buffer);
        if (read == 0 && !verified && buffer.Length > 0)
        {
            // Whatever the decompressor left unread still belongs to the file: its end is the trailer.
            Span<byte> scratch = stackalloc byte[512];
            while (compressed.Read(scratch) > 0)
            {
            }

            Verify();
        }

        return Count(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await gzip.ReadAsync(buffer, cancellationToken);
        if (read == 0 && !verified && buffer.Length > 0)
        {
            var scratch = new byte[512];
            while (await compressed.ReadAsync(scratch, cancellationToken) > 0)
            {
            }

            Verify();
        }

        return Count(buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(ReadOnlySpan<byte> data)
    {
        crc.Append(data);
        length += data.Length;
        return data.Length;
    }

    private void Verify()
    {
        verified = true;
        if (compressed.Total < 18)
        {
            throw new InvalidDataException($"gzip data is truncated: {compressed.Total} bytes is shorter than a gzip header and trailer");
        }

        var tail = compressed.Tail;
        var expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        if (expectedCrc != crc.GetCurrentHashAsUInt32() || expectedLength != unchecked((uint)length))
        {
            throw new InvalidDataException(
                $"gzip data is truncated or corrupt: the trailer does not match the {length} bytes decompressed " +
                "(or the file is several gzip files concatenated, which is not supported)");
        }
    }

    /// <summary>Passes reads through and remembers the last eight bytes: the gzip trailer once the input ends.</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] tail = new byte[8];
        private int filled;

        public long Total { get; private set; }

        public ReadOnlySpan<byte> Tail => tail.AsSpan(0, filled);

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Remember(buffer[..read]);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Remember(buffer.Span[..read]);
            return read;
        }

        private void Remember(ReadOnlySpan<byte> data)
        {
            Total += data.Length;
            if (data.Length >= tail.Length)
            {
                data[^tail.Length..].CopyTo(tail);
                filled = tail.Length;
                return;
            }

            // Shift the kept bytes left and append the new ones.
            var keep = Math.Min(filled, tail.Length - data.Length);
            tail.AsSpan(filled - keep, keep).CopyTo(tail);
            data.CopyTo(tail.AsSpan(keep));
            filled = keep + data.Length;
        }
    }
}
