using System.Buffers;
using System.IO.Pipelines;
using LiveTrack.ModeS;

namespace LiveTrack.Ingestion;

/// <summary>
/// A Beast or AVR feed's decoding: frames from any of the feed's connections go through one
/// <see cref="ModeSReceiver"/>, so the feed holds its aircraft's CPR pairs and trusted addresses (pairs only make
/// sense from one receiver). Every frame counts as a line of the feed status; Mode A/C frames, unsupported formats
/// and replies from unconfirmed addresses count as skipped; broken frames, malformed AVR lines and parity errors
/// count as malformed (sampled into the log like bad SBS lines); a bad frame never stops the feed.
/// </summary>
public sealed class ModeSFeedDecoder
{
    private const int MaxAvrLine = 256;
    private readonly ModeSFraming framing;
    private readonly ModeSReceiver receiver;
    private readonly Lock gate = new();
    private long framingErrors;

    public ModeSFeedDecoder(ModeSFraming framing, ModeSReceiverOptions options)
    {
        this.framing = framing;
        receiver = new ModeSReceiver(options);
    }

    /// <summary>The decoder's counters, for <c>GET /api/feeds</c>.</summary>
    public ModeSFeedCounters Counters
    {
        get
        {
            lock (gate)
            {
                var c = receiver.Counters;
                return new ModeSFeedCounters(
                    c.Messages, c.Decoded, Interlocked.Read(ref framingErrors), c.CrcErrors, c.UnknownAddress, c.Unsupported,
                    c.CprGlobal, c.CprLocal, c.CprRejected, receiver.TrackedAircraft);
            }
        }
    }

    /// <summary>Reads the feed's framing from a stream until it ends or is cancelled.</summary>
    public Task ReadAsync(Stream stream, FeedIngestor ingestor, CancellationToken cancellationToken) =>
        framing == ModeSFraming.Beast ? ReadBeastAsync(stream, ingestor, cancellationToken) : ReadAvrAsync(stream, ingestor, cancellationToken);

    /// <summary>
    /// Decodes one message and maps it to a report (null when it is not used), counting the outcome on the feed.
    /// </summary>
    /// <param name="message">The 7 or 14 message bytes.</param>
    /// <param name="mlat">True for a multilaterated result.</param>
    /// <param name="ingestor">The feed's ingestor (for counting).</param>
    /// <param name="receivedAt">When the bytes were read.</param>
    /// <param name="clock">The connection's arrival clock, which orders frames read together.</param>
    public AircraftReport? Decode(ReadOnlySpan<byte> message, bool mlat, FeedIngestor ingestor, DateTimeOffset receivedAt, ArrivalClock clock)
    {
        ArgumentNullException.ThrowIfNull(ingestor);
        ArgumentNullException.ThrowIfNull(clock);
        ModeSDecodeStatus status;
        ModeSMessage decoded;
        var stamp = clock.Stamp(receivedAt);
        lock (gate)
        {
            status = receiver.Decode(message, mlat, stamp.UtcTicks, out decoded);
        }

        switch (status)
        {
            case ModeSDecodeStatus.Decoded:
                if (ModeSReports.ToReport(decoded, ingestor.Status.Name, receivedAt, stamp) is { } report)
                {
                    return report;
                }

                ingestor.Status.Skipped();
                return null;
            case ModeSDecodeStatus.CrcError:
                ingestor.MalformedSample("parity (CRC-24) error", Convert.ToHexString(message));
                return null;
            default:
                ingestor.Status.Skipped();
                return null;
        }
    }

    private async Task ReadBeastAsync(Stream stream, FeedIngestor ingestor, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var framer = new BeastFramer();
        var clock = new ArrivalClock();
        var reports = new List<AircraftReport>(256);
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var receivedAt = ingestor.Now;
                foreach (var segment in read.Buffer)
                {
                    // Decode the whole segment first (spans cannot live across awaits), then publish its reports.
                    var offset = 0;
                    while (offset < segment.Length)
                    {
                        offset += DecodeBeast(framer, clock, segment.Span[offset..], ingestor, receivedAt, reports);
                        foreach (var report in reports)
                        {
                            await ingestor.Publish(report, cancellationToken);
                        }

                        reports.Clear();
                    }
                }

                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    if (framer.InFrame)
                    {
                        framer.Reset();
                        CountFramingError(ingestor, "stream ended inside a frame", "");
                    }

                    return;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>
    /// Frames and decodes messages of <paramref name="input"/> until <paramref name="reports"/> is at its capacity or
    /// the input is used up; returns the bytes consumed. A frame cut off at the end is completed by the next call.
    /// </summary>
    public int DecodeBeast(BeastFramer framer, ArrivalClock clock, ReadOnlySpan<byte> input, FeedIngestor ingestor, DateTimeOffset receivedAt, List<AircraftReport> reports)
    {
        ArgumentNullException.ThrowIfNull(framer);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(ingestor);
        ArgumentNullException.ThrowIfNull(reports);
        var start = input.Length;
        var malformedBefore = framer.Malformed;
        while (reports.Count < reports.Capacity && framer.TryRead(ref input))
        {
            ingestor.Status.Line();
            if (framer.Kind == ModeSFrameKind.ModeAc)
            {
                ingestor.Status.Skipped();
                continue;
            }

            if (Decode(framer.Message, framer.IsMlat, ingestor, receivedAt, clock) is { } report)
            {
                reports.Add(report);
            }
        }

        for (var i = malformedBefore; i < framer.Malformed; i++)
        {
            CountFramingError(ingestor, "broken Beast frame (lost bytes or unknown frame type)", "");
        }

        return start - input.Length;
    }

    private async Task ReadAvrAsync(Stream stream, FeedIngestor ingestor, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var clock = new ArrivalClock();
        var discarding = false;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                var receivedAt = ingestor.Now;
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var line = buffer.Slice(0, newline);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    if (discarding)
                    {
                        discarding = false;
                        continue;
                    }

                    if (DecodeAvr(line, ingestor, receivedAt, clock) is { } report)
                    {
                        await ingestor.Publish(report, cancellationToken);
                    }
                }

                if (!discarding && buffer.Length > MaxAvrLine)
                {
                    ingestor.Status.Line();
                    CountFramingError(ingestor, $"line longer than {MaxAvrLine} bytes", System.Text.Encoding.ASCII.GetString(buffer.Slice(0, 64).ToArray()));
                    discarding = true;
                }

                if (discarding)
                {
                    buffer = buffer.Slice(buffer.End);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    if (!discarding && buffer.Length > 0 && DecodeAvr(buffer, ingestor, receivedAt, clock) is { } last)
                    {
                        await ingestor.Publish(last, cancellationToken);
                    }

                    return;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private AircraftReport? DecodeAvr(ReadOnlySequence<byte> line, FeedIngestor ingestor, DateTimeOffset receivedAt, ArrivalClock clock)
    {
        Span<byte> text = stackalloc byte[MaxAvrLine];
        var length = (int)Math.Min(line.Length, MaxAvrLine);
        line.Slice(0, length).CopyTo(text);
        text = text[..length];
        if (text.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        ingestor.Status.Line();
        Span<byte> message = stackalloc byte[14];
        switch (AvrParser.TryParse(text, message, out var bytes, out var timestamp))
        {
            case AvrParseStatus.Message:
                return Decode(message[..bytes], timestamp == BeastFramer.MlatTimestamp, ingestor, receivedAt, clock);
            case AvrParseStatus.Skipped:
                ingestor.Status.Skipped();
                return null;
            default:
                CountFramingError(ingestor, "not an AVR frame", System.Text.Encoding.ASCII.GetString(text));
                return null;
        }
    }

    private void CountFramingError(FeedIngestor ingestor, string error, string sample)
    {
        Interlocked.Increment(ref framingErrors);
        ingestor.MalformedSample(error, sample);
    }
}
