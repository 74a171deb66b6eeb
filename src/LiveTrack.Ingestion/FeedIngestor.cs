using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using LiveTrack.Adsb;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Ingestion;

/// <summary>
/// One feed's way into the pipeline: per-feed counting, and for SBS-1 feeds the framing, parsing and sampled logging
/// of malformed lines. A bad line never stops the feed.
/// </summary>
public sealed class FeedIngestor(
    FeedStatus status,
    IngestionPipeline pipeline,
    TimeProvider timeProvider,
    ILogger logger,
    bool useFeedTimestamps)
{
    private static readonly TimeSpan MalformedLogInterval = TimeSpan.FromSeconds(10);
    private long lastMalformedLogTicks;

    public FeedStatus Status => status;

    /// <summary>For Beast and AVR feeds: the decoder streams are read with instead of SBS-1 lines.</summary>
    public ModeSFeedDecoder? ModeS { get; init; }

    /// <summary>The server time now (the receive time of what is read now).</summary>
    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>Parses one line (without or with its line terminator), counting what it was.</summary>
    public SbsParseStatus Parse(ReadOnlySpan<byte> line, out SbsMessage message)
    {
        status.Line();
        var result = SbsParser.TryParse(line, out message, out var error);
        switch (result)
        {
            case SbsParseStatus.Skipped:
                status.Skipped();
                break;
            case SbsParseStatus.Malformed:
                Malformed(error ?? "malformed", line);
                break;
        }

        return result;
    }

    /// <summary>Maps a parsed message to a report and queues it, waiting while the pipeline is full.</summary>
    public ValueTask Publish(in SbsMessage message, DateTimeOffset receivedAt, DateTimeOffset? timestamp, CancellationToken cancellationToken)
    {
        status.Message(message.HasPosition);
        var report = SbsReports.ToReport(message, status.Name, receivedAt, timestamp ?? (useFeedTimestamps ? null : receivedAt));
        return Publish(report, cancellationToken);
    }

    /// <summary>
    /// Queues a report, waiting while the pipeline is full. A sampled report gets a <see cref="Spans.FeedReport"/>
    /// span (the root of its trace) whose context travels with the report to its grain.
    /// </summary>
    public ValueTask Publish(AircraftReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!LiveTrackDiagnostics.Source.HasListeners())
        {
            return pipeline.WriteAsync(report, cancellationToken);
        }

        return Traced(report, cancellationToken);
    }

    private async ValueTask Traced(AircraftReport report, CancellationToken cancellationToken)
    {
        // A new root whatever is ambient: a feed connection's lifetime is not a trace.
        Activity.Current = null;
        using var activity = LiveTrackDiagnostics.Source.StartActivity(Spans.FeedReport, ActivityKind.Consumer);
        if (activity is not null)
        {
            activity.SetTag(Tags.Feed, report.Feed);
            activity.SetTag(Tags.Icao, report.Icao);
            report = report with { TraceParent = LiveTrackDiagnostics.TraceParentOf(activity) };
        }

        await pipeline.WriteAsync(report, cancellationToken);
    }

    /// <summary>
    /// Reads LF- or CRLF-terminated lines from a stream until it ends or is cancelled. With an
    /// <paramref name="idleTimeout"/>, a stream that yields no byte for that long ends the read with a
    /// <see cref="TimeoutException"/>.
    /// </summary>
    public async Task ReadStreamAsync(Stream stream, CancellationToken cancellationToken, TimeSpan? idleTimeout = null)
    {
        if (ModeS is { } modeS)
        {
            await modeS.ReadAsync(stream, this, cancellationToken);
            return;
        }

        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var discarding = false;
        using var idle = idleTimeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                ReadResult read;
                try
                {
                    idle?.CancelAfter(idleTimeout!.Value);
                    read = await reader.ReadAsync(idle?.Token ?? cancellationToken);
                }
                catch (OperationCanceledException) when (idle is not null && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"nothing received for {idleTimeout}");
                }

                var buffer = read.Buffer;
                var receivedAt = timeProvider.GetUtcNow();
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var line = buffer.Slice(0, newline);
                    buffer = buffer.Slice(buffer.GetPosition(1, newline));
                    if (discarding)
                    {
                        // The tail of an over-long line, already counted.
                        discarding = false;
                        continue;
                    }

                    if (TryParseLine(line, out var message))
                    {
                        await Publish(message, receivedAt, null, cancellationToken);
                    }
                }

                if (!discarding && buffer.Length > SbsParser.MaxLineLength)
                {
                    Malformed($"line longer than {SbsParser.MaxLineLength} bytes", buffer.Slice(0, 64).ToArray());
                    discarding = true;
                }

                if (discarding)
                {
                    buffer = buffer.Slice(buffer.End);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    if (!discarding && buffer.Length > 0 && TryParseLine(buffer, out var last))
                    {
                        await Publish(last, receivedAt, null, cancellationToken);
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

    private bool TryParseLine(ReadOnlySequence<byte> line, out SbsMessage message)
    {
        if (line.IsSingleSegment)
        {
            return Parse(line.FirstSpan, out message) == SbsParseStatus.Message;
        }

        Span<byte> copy = stackalloc byte[(int)Math.Min(line.Length, SbsParser.MaxLineLength + 1)];
        line.Slice(0, copy.Length).CopyTo(copy);
        return Parse(copy, out message) == SbsParseStatus.Message;
    }

    private void Malformed(string error, ReadOnlySpan<byte> line) => MalformedSample(error, Sample(line));

    /// <summary>Counts a malformed line or frame and logs it (sampled: at most one log entry per 10 s).</summary>
    internal void MalformedSample(string error, string sample)
    {
        var count = status.MalformedLine(sample);
        var now = timeProvider.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastMalformedLogTicks);
        if (now - last >= MalformedLogInterval.Ticks && Interlocked.CompareExchange(ref lastMalformedLogTicks, now, last) == last)
        {
            IngestionLog.MalformedLine(logger, status.Name, count, error, sample);
        }
    }

    private static string Sample(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line[..Math.Min(line.Length, 120)]).TrimEnd('\r', '\n');
        return string.Create(text.Length, text, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                dest[i] = char.IsControl(src[i]) ? '?' : src[i];
            }
        });
    }
}
