using System.Globalization;
using LiveTrack.Adsb;
using LiveTrack.Ingestion;

namespace LiveTrack.Import;

/// <summary>
/// SBS-1 logs: each line parsed by <see cref="SbsParser"/> and mapped by <see cref="SbsReports"/>, stamped with its
/// own date/time. <see cref="AircraftReport.Timestamp"/> is the generated date/time (fields 7–8), else the logged one
/// (9–10); <see cref="AircraftReport.ReceivedAt"/> the logged one, else the generated one; both shifted by
/// <see cref="ImportOptions.SbsUtcOffset"/>. A message line with neither is rejected: the import never invents a time.
/// </summary>
internal sealed class SbsLogReader : IRecordReader
{
    private const string NoTimeReason = "SBS line without date/time";
    private const string NotTerminatedReason = "last line not terminated (file cut short?)";
    private const string TooLongReason = "line too long";
    private readonly Dictionary<string, string> reasons = new(StringComparer.Ordinal);

    public async Task ReadAsync(Stream content, ImportSession session)
    {
        var lines = new LineReader(content, SbsParser.MaxLineLength + 2);
        long lineNumber = 0;
        do
        {
            // Lines until the buffer has no whole line left, writing each full batch on the way.
            while (ReadLines(lines, session, ref lineNumber))
            {
                await session.FlushAsync();
            }

            await session.FlushIfFullAsync();
        }
        while (await lines.FillAsync(session.CancellationToken));
        if (lines.TryReadRest(out _) is not LineKind.None and var kind)
        {
            // A line cut off by the end of the file may have lost digits and still parse: refuse it.
            lineNumber++;
            session.Record();
            session.Reject(kind == LineKind.TooLong ? TooLongReason : NotTerminatedReason, Line(lineNumber), "no line feed at the end of the file");
        }
    }

    /// <summary>Reads buffered lines; true when it stopped because the batch is full.</summary>
    private bool ReadLines(LineReader lines, ImportSession session, ref long lineNumber)
    {
        var feed = session.Options.Feed;
        var offset = session.Options.SbsUtcOffset;
        LineKind kind;
        while (!session.BatchFull && (kind = lines.TryReadLine(out var line)) != LineKind.None)
        {
            lineNumber++;
            session.Record();
            if (kind == LineKind.TooLong)
            {
                session.Reject(TooLongReason, Line(lineNumber), $"longer than {lines.MaxLineBytes} bytes");
                continue;
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                session.Skip("blank line", Line(lineNumber), "blank");
                continue;
            }

            switch (SbsParser.TryParse(line, out var message, out var error))
            {
                case SbsParseStatus.Message:
                    if ((message.GeneratedAt ?? message.LoggedAt) is not { } generated)
                    {
                        session.Reject(NoTimeReason, Line(lineNumber), "fields 7-10 (date/time generated and logged) are empty");
                        continue;
                    }

                    var received = message.LoggedAt ?? generated;
                    session.Add(SbsReports.ToReport(message, feed, received - offset, generated - offset));
                    session.Accepted();
                    break;
                case SbsParseStatus.Skipped:
                    session.Skip("SBS line without aircraft data (SEL, ID, AIR, STA, CLK)", Line(lineNumber), "skipped");
                    break;
                default:
                    session.Reject(Reason(error!), Line(lineNumber), error!);
                    break;
            }
        }

        return session.BatchFull;
    }

    /// <summary>The parser's message up to its first colon names the field ("field 15 (latitude)"): that is the reason.</summary>
    private string Reason(string error)
    {
        var colon = error.IndexOf(':', StringComparison.Ordinal);
        var key = colon < 0 ? error : error[..colon];
        if (!reasons.TryGetValue(key, out var reason))
        {
            reason = reasons.Count < 64 ? $"SBS {key}" : "SBS malformed line";
            reasons[key] = reason;
        }

        return reason;
    }

    private static string Line(long number) => string.Create(CultureInfo.InvariantCulture, $"line {number}");
}
