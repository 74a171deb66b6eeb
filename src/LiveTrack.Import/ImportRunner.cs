using System.Formats.Tar;
using System.IO.Compression;

namespace LiveTrack.Import;

/// <summary>
/// Reads recorded flight data with its own timestamps and hands it to a sink as batches of
/// <see cref="AircraftReport"/>, counting every record as accepted, rejected (with reasons and samples) or skipped.
/// </summary>
/// <remarks>
/// <para>
/// A source is a file, a folder (every file below it, in natural name order), a <c>.zip</c> (entries in natural name
/// order) or a <c>.tar</c>/<c>.tar.gz</c> archive (entries in archive order), or a stream. Compression and archives
/// are recognised by their magic bytes, whatever the name: readsb writes gzip trace files named <c>.json</c>. Each
/// file's format is then detected from its content (<see cref="FormatDetector"/>) unless
/// <see cref="ImportOptions.Format"/> names one.
/// </para>
/// <para>
/// Timestamps are the recording's own, never the import's: <see cref="AircraftReport.Timestamp"/> is the
/// observation time the record carries and <see cref="AircraftReport.ReceivedAt"/> the time the recording received
/// it (SBS logged time, a snapshot's <c>now</c>, an OpenSky row's <c>time</c>; a trace point's own time), so an
/// import is reproducible and the same file gives the same reports every time.
/// </para>
/// <para>
/// Bad input never stops the import silently. A malformed record is rejected (counted per reason with samples) and
/// the next one read. A file that cannot be read on (truncated gzip — checked against its trailer —, truncated or
/// invalid JSON, a corrupt archive) keeps the reports of the records before the problem and is listed in
/// <see cref="ImportProgress.FileProblems"/> with how many records it gave. A source of which nothing at all could be
/// read throws <see cref="ImportException"/>.
/// </para>
/// <para>
/// Memory is bounded: line formats and traces are streamed through one buffer, only a snapshot document (one
/// <c>aircraft.json</c>) is held whole, up to <see cref="ImportOptions.MaxDocumentBytes"/>; the sink is awaited
/// before reading on. Beyond that the import keeps one entry per distinct aircraft (for counting and for
/// de-duplicating repeated snapshot positions).
/// </para>
/// </remarks>
public sealed class ImportRunner(ImportOptions options, TimeProvider? timeProvider = null)
{
    private const int MagicBytes = 512;

    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>Imports a file, a folder or an archive.</summary>
    /// <param name="path">The file, folder, <c>.zip</c> or <c>.tar(.gz)</c>.</param>
    /// <param name="sink">Where the batches go.</param>
    /// <param name="progress">Told the counts now and then (see <see cref="ImportOptions.ProgressInterval"/>) and at the end.</param>
    /// <param name="cancellationToken">Stops the import; batches already written stay written.</param>
    /// <returns>The summary (<see cref="ImportProgress.Completed"/>).</returns>
    /// <exception cref="ImportException">The path does not exist, or nothing in it could be read.</exception>
    public async Task<ImportProgress> RunAsync(
        string path,
        IImportSink sink,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(sink);
        List<(string Path, string Name)> files;
        if (Directory.Exists(path))
        {
            files = [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Select(f => (f, Path.GetRelativePath(path, f).Replace('\\', '/')))
                .OrderBy(f => f.Item2, NaturalOrder.Instance)];
            if (files.Count == 0)
            {
                throw new ImportException($"{path}: the folder has no files");
            }
        }
        else if (File.Exists(path))
        {
            files = [(path, Path.GetFileName(path))];
        }
        else
        {
            throw new ImportException($"{path}: no such file or folder");
        }

        var total = files.Sum(f => new FileInfo(f.Path).Length);
        var session = new ImportSession(options, path, total, sink, progress, time, cancellationToken);
        var run = new Run(options, session);
        foreach (var (file, name) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FileStream stream;
            try
            {
                stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                session.BeginFile(name);
                session.FileProblem("cannot open", ex.Message);
                continue;
            }

            await using (stream)
            {
                await run.ReadContainerAsync(name, new CountingStream(stream, session), allowArchive: true);
            }
        }

        return await run.FinishAsync();
    }

    /// <summary>Imports a stream (an upload): one file, gzip-compressed or not, or a <c>.tar(.gz)</c>; a <c>.zip</c> only when seekable.</summary>
    /// <param name="content">The data; read to its end, not disposed.</param>
    /// <param name="name">The upload's name: a format hint and the name in samples.</param>
    /// <param name="sink">Where the batches go.</param>
    /// <param name="progress">Told the counts now and then and at the end.</param>
    /// <param name="cancellationToken">Stops the import; batches already written stay written.</param>
    /// <returns>The summary (<see cref="ImportProgress.Completed"/>).</returns>
    /// <exception cref="ImportException">Nothing in the stream could be read.</exception>
    public async Task<ImportProgress> RunAsync(
        Stream content,
        string name,
        IImportSink sink,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(sink);
        long? total = content.CanSeek ? content.Length - content.Position : null;
        var session = new ImportSession(options, name, total, sink, progress, time, cancellationToken);
        var run = new Run(options, session);
        await run.ReadContainerAsync(name, new CountingStream(content, session), allowArchive: true);
        return await run.FinishAsync();
    }

    /// <summary>One import's walk through its files, archives and compression layers.</summary>
    private sealed class Run(ImportOptions options, ImportSession session)
    {
        private readonly SnapshotDeduplicator snapshots = new();
        private readonly SnapshotDeduplicator openSkyRows = new();
        private CancellationToken CancellationToken => session.CancellationToken;

        public async Task ReadContainerAsync(string name, Stream stream, bool allowArchive)
        {
            var start = stream.CanSeek ? stream.Position : -1;
            var peek = new PeekStream(stream);
            try
            {
                var head = await peek.PeekAsync(MagicBytes, CancellationToken);
                if (head.IsEmpty)
                {
                    Problem(name, "empty file", "the file is empty");
                }
                else if (IsZip(head.Span))
                {
                    if (!allowArchive)
                    {
                        Problem(name, "nested archive", "an archive inside an archive is not read; unpack it first");
                    }
                    else if (start < 0)
                    {
                        Problem(name, "zip needs a file", "a .zip is read by its directory at the end: import it as a file, not a stream");
                    }
                    else
                    {
                        stream.Position = start;
                        await ReadZipAsync(name, stream);
                    }
                }
                else if (IsGzip(head.Span))
                {
                    await using var gzip = new GzipContentStream(peek);
                    var content = new PeekStream(gzip);
                    var inner = await content.PeekAsync(FormatDetector.HeadBytes, CancellationToken);
                    if (IsTar(inner.Span))
                    {
                        await ReadTarAsync(name, content, allowArchive);
                        await content.CopyToAsync(Stream.Null, CancellationToken); // reach the gzip trailer, which is checked
                    }
                    else
                    {
                        await ReadFileAsync(name, content, inner);
                    }
                }
                else if (IsTar(head.Span))
                {
                    await ReadTarAsync(name, peek, allowArchive);
                }
                else
                {
                    await ReadFileAsync(name, peek, await peek.PeekAsync(FormatDetector.HeadBytes, CancellationToken));
                }
            }
            catch (Exception ex) when (!session.SinkFaulted && ex is InvalidDataException or IOException or ImportFileException)
            {
                // A problem of the compression or archive layer, outside any one file's records.
                Problem(name, ex is ImportFileException f ? f.Reason : "corrupt or truncated data", ex.Message);
            }
        }

        public async Task<ImportProgress> FinishAsync()
        {
            await session.FlushAsync();
            var summary = session.Snapshot(completed: true);
            if (summary.RecordsRead == 0 && summary.FileProblems.Count > 0)
            {
                var first = summary.FileProblems[0];
                throw new ImportException($"nothing could be imported: {first.Reason}: {(first.Samples.Count > 0 ? first.Samples[0] : string.Empty)}", summary);
            }

            return session.Complete();
        }

        private async Task ReadFileAsync(string name, Stream content, ReadOnlyMemory<byte> head)
        {
            session.BeginFile(name);
            var format = options.Format != ImportFormat.Auto ? options.Format : FormatDetector.Detect(head.Span, name);
            if (format is not { } known)
            {
                session.FileProblem(
                    "unrecognised format",
                    "neither a readsb trace, aircraft.json, OpenSky JSON, SBS-1 lines nor OpenSky CSV with its header");
                return;
            }

            session.Recognised(known);
            IRecordReader reader = known switch
            {
                ImportFormat.ReadsbTrace => new TraceReader(),
                ImportFormat.Sbs => new SbsLogReader(),
                ImportFormat.OpenSkyCsv => new OpenSkyCsvReader(openSkyRows),
                ImportFormat.OpenSkyStates => new SnapshotReader(known, openSkyRows),
                _ => new SnapshotReader(ImportFormat.AircraftJson, snapshots),
            };
            try
            {
                await reader.ReadAsync(content, session);
            }
            catch (ImportFileException ex) when (!session.SinkFaulted)
            {
                session.FileProblem(ex.Reason, ex.Message);
            }
            catch (InvalidDataException ex) when (!session.SinkFaulted)
            {
                session.FileProblem("corrupt or truncated data", ex.Message);
            }
            catch (IOException ex) when (!session.SinkFaulted)
            {
                session.FileProblem("read error", ex.Message);
            }
        }

        private async Task ReadZipAsync(string name, Stream stream)
        {
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException ex)
            {
                Problem(name, "corrupt archive", ex.Message);
                return;
            }

            using (zip)
            {
                foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, NaturalOrder.Instance))
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    var entryName = $"{name}!{entry.FullName}";
                    Stream content;
                    try
                    {
                        content = entry.Open();
                    }
                    catch (InvalidDataException ex)
                    {
                        Problem(entryName, "corrupt archive", ex.Message);
                        continue;
                    }

                    await using (content)
                    {
                        await ReadContainerAsync(entryName, content, allowArchive: false);
                    }
                }
            }
        }

        private async Task ReadTarAsync(string name, Stream stream, bool allowArchive)
        {
            if (!allowArchive)
            {
                Problem(name, "nested archive", "an archive inside an archive is not read; unpack it first");
                return;
            }

            await using var tar = new TarReader(stream, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, CancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile) ||
                    entry.DataStream is not { } data)
                {
                    continue;
                }

                await ReadContainerAsync($"{name}!{entry.Name}", data, allowArchive: false);
            }
        }

        private void Problem(string name, string reason, string detail)
        {
            session.BeginFile(name);
            session.FileProblem(reason, detail);
        }

        private static bool IsGzip(ReadOnlySpan<byte> head) => head is [0x1F, 0x8B, ..];

        private static bool IsZip(ReadOnlySpan<byte> head) => head is [(byte)'P', (byte)'K', 3, 4, ..] or [(byte)'P', (byte)'K', 5, 6, ..];

        private static bool IsTar(ReadOnlySpan<byte> head) => head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8);
    }
}
