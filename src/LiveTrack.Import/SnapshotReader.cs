using LiveTrack.Adsb;
using LiveTrack.Ingestion;

namespace LiveTrack.Import;

/// <summary>
/// One JSON snapshot document per file: readsb / tar1090 / ADS-B Exchange v2 <c>aircraft.json</c> (parsed by
/// <see cref="ReadsbJsonParser"/>) or an OpenSky <c>/api/states/all</c> response (<see cref="OpenSkyStatesParser"/>),
/// mapped by <see cref="ObservationReports"/> exactly as the live snapshot feeds map them. A position is stamped
/// <c>now − seen_pos</c> (OpenSky <c>time_position</c>), the other fields <c>now − seen</c> (<c>last_contact</c>);
/// <see cref="AircraftReport.ReceivedAt"/> is the document's <c>now</c> (<c>time</c>). The document is read whole (up
/// to <see cref="ImportOptions.MaxDocumentBytes"/>); one that does not parse gives nothing.
/// </summary>
internal sealed class SnapshotReader(ImportFormat format, SnapshotDeduplicator deduplicator) : IRecordReader
{
    public async Task ReadAsync(Stream content, ImportSession session)
    {
        var document = await ReadWholeAsync(content, session.Options.MaxDocumentBytes, session.CancellationToken);
        SnapshotParseResult? result;
        string? error;
        var parsed = format == ImportFormat.OpenSkyStates
            ? OpenSkyStatesParser.TryParse(document, out result, out error)
            : ReadsbJsonParser.TryParse(document, out result, out error);
        if (!parsed)
        {
            throw new ImportFileException("document rejected", error!);
        }

        session.Records(result!.Aircraft.Count + result.Malformed);
        if (result.Malformed > 0)
        {
            var reason = format == ImportFormat.OpenSkyStates ? "OpenSky state vector malformed" : "aircraft.json entry malformed";
            session.Reject(reason, result.Malformed, result.Errors);
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        var feed = session.Options.Feed;
        foreach (var observation in result.Aircraft)
        {
            listed.Add(observation.Icao);
            var (position, fields) = deduplicator.Changes(observation);
            var reports = 0;
            foreach (var report in ObservationReports.ToReports(observation, feed, result.Now, position, fields))
            {
                session.Add(report);
                reports++;
            }

            if (reports == 0)
            {
                session.Skip("unchanged since the previous snapshot", null, $"{observation.Icao} as of {observation.Time:O}");
                continue;
            }

            session.Accepted();
            await session.FlushIfFullAsync();
        }

        deduplicator.Retain(listed);
    }

    private static async Task<byte[]> ReadWholeAsync(Stream content, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ImportFileException("document too large", $"a JSON document larger than {maxBytes} bytes is not read whole");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
