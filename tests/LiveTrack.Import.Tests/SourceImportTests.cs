using static LiveTrack.Import.Tests.ImportFixtures;

namespace LiveTrack.Import.Tests;

public sealed class SourceImportTests : IDisposable
{
    private const string SbsLine = "MSG,3,1,1,4CA7B2,1,2024/11/23,12:00:00.123,2024/11/23,12:00:00.150,,36000,,,53.42130,-6.27010,,,0,0,0,0\r\n";

    private const string Trace = """{"icao":"ae01c5","timestamp":1732363200,"trace":[[1.5,27.0,-111.5,31000],[2.5,27.1,-111.4,31000]]}""";

    private readonly ImportFixtures files = new();
    private readonly CollectingSink sink = new();

    [Fact]
    public async Task A_tar_gz_archive_is_read_entry_by_entry_whatever_each_entry_is()
    {
        var archive = files.WriteTarGz(
            "recording.tar.gz",
            ("logs/feed.sbs", Utf8(SbsLine)),
            ("traces/c5/trace_full_ae01c5.json", Gzip(Utf8(Trace))));

        var summary = await Import(archive);

        Assert.Equal(
            [("4ca7b2", Noon.AddMilliseconds(123)), ("ae01c5", Noon.AddMilliseconds(1500)), ("ae01c5", Noon.AddMilliseconds(2500))],
            sink.Reports.Select(r => (r.Icao, r.Timestamp)));
        Assert.Equal(
            new Dictionary<ImportFormat, int> { [ImportFormat.Sbs] = 1, [ImportFormat.ReadsbTrace] = 1 },
            summary.Formats);
        Assert.Equal(2, summary.Aircraft);
    }

    [Fact]
    public async Task Formats_are_detected_from_content_not_the_file_name()
    {
        files.Write("in/download.bin", Gzip(Utf8(Trace)));
        files.Write("in/notes.txt", SbsLine);

        var summary = await Import(files.Path("in"));

        Assert.Equal(
            new Dictionary<ImportFormat, int> { [ImportFormat.Sbs] = 1, [ImportFormat.ReadsbTrace] = 1 },
            summary.Formats);
        Assert.Equal(3, sink.Reports.Count);
    }

    [Fact]
    public async Task An_uploaded_stream_is_imported_like_a_file()
    {
        using var upload = new NonSeekableStream(Gzip(Utf8(SbsLine + SbsLine)));

        var summary = await new ImportRunner(new ImportOptions { Feed = "import:42" })
            .RunAsync(upload, "upload.sbs.gz", sink);

        Assert.Equal(2, summary.RecordsAccepted);
        Assert.All(sink.Reports, r => Assert.Equal("import:42", r.Feed));
        Assert.Null(summary.TotalBytes);
    }

    [Fact]
    public async Task A_zip_upload_that_cannot_seek_is_refused_with_a_reason()
    {
        var zip = File.ReadAllBytes(files.WriteZip("a.zip", ("feed.sbs", Utf8(SbsLine))));
        using var upload = new NonSeekableStream(zip);

        var ex = await Assert.ThrowsAsync<ImportException>(() => new ImportRunner(new ImportOptions()).RunAsync(upload, "a.zip", sink));

        Assert.Contains("zip needs a file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", null, "no such file or folder")]
    [InlineData("empty.json", "", "empty file")]
    [InlineData("notes.txt", "hello world\nnothing to see\n", "unrecognised format")]
    public async Task A_source_that_cannot_be_read_at_all_fails_with_a_clear_error(string name, string? content, string expected)
    {
        var path = content is null ? files.Path(name) : files.Write(name, content);

        var ex = await Assert.ThrowsAsync<ImportException>(() => Import(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Reports);
    }

    [Fact]
    public async Task Bad_files_in_a_folder_are_listed_and_the_good_ones_imported()
    {
        files.Write("mixed/a.sbs", SbsLine);
        files.Write("mixed/b.json", "{\"now\": 1732363200, \"aircraft\": [");
        files.Write("mixed/c.bin", [0x00, 0x01, 0x02, 0x03]);
        files.Write("mixed/d.json.gz", Gzip(Utf8(Trace))[..20]);

        var summary = await Import(files.Path("mixed"));

        Assert.Single(sink.Reports);
        Assert.Equal((4, 3), (summary.Files, summary.FilesWithProblems));
        Assert.Equal(
            ["corrupt or truncated data", "document rejected", "unrecognised format"],
            summary.FileProblems.Select(p => p.Reason).Order(StringComparer.Ordinal));
        Assert.All(summary.FileProblems, p => Assert.Single(p.Samples));
    }

    [Fact]
    public async Task A_truncated_tar_gz_keeps_whole_entries_and_reports_the_archive()
    {
        var entries = Enumerable.Range(0, 40)
            .Select(i => ($"logs/{i:D2}.sbs", Utf8(string.Concat(Enumerable.Repeat(SbsLine, 200)) + new string('#', 4000 + i) + "\n")))
            .ToArray();
        var archive = File.ReadAllBytes(files.WriteTarGz("whole.tar.gz", entries));

        var summary = await Import(files.Write("cut.tar.gz", archive[..(archive.Length * 2 / 3)]));

        Assert.NotEmpty(summary.FileProblems);
        Assert.Contains(summary.FileProblems, p => p.Reason == "corrupt or truncated data");
        Assert.InRange(sink.Reports.Count, 200, (40 * 200) - 1);
    }

    [Fact]
    public async Task Batches_stay_within_the_batch_size_and_progress_ends_with_the_summary()
    {
        var (json, expected) = TraceImportTests.LongTrace(25);
        var path = files.Write("trace_full_ae01c5.json", json);
        var progress = new SynchronousProgress();

        var summary = await new ImportRunner(new ImportOptions { BatchSize = 2, ProgressInterval = TimeSpan.Zero })
            .RunAsync(path, sink, progress);

        Assert.All(sink.Batches, b => Assert.InRange(b.Count, 1, 2));
        Assert.Equal(expected, sink.Reports.Select(r => r.Timestamp));
        Assert.True(progress.Reports.Count > 2);
        Assert.Equal(progress.Reports.Select(p => p.RecordsRead).Order(), progress.Reports.Select(p => p.RecordsRead));
        var last = progress.Reports[^1];
        Assert.True(last.Completed);
        Assert.Equal((25, 25, new FileInfo(path).Length), (last.RecordsRead, last.ReportsWritten, last.BytesRead));
        Assert.Equal(last.TotalBytes, last.BytesRead);
        Assert.Same(summary, last);
    }

    [Fact]
    public async Task A_failing_sink_fails_the_import_instead_of_being_counted_as_a_bad_file()
    {
        var path = files.Write("feed.sbs", SbsLine + SbsLine + SbsLine);

        // Batch size 1: the sink fails while the file is being read, where read errors are caught.
        var ex = await Assert.ThrowsAsync<IOException>(() =>
            new ImportRunner(new ImportOptions { BatchSize = 1 }).RunAsync(path, new FailingSink()));

        Assert.Equal("disk full", ex.Message);
    }

    [Fact]
    public async Task A_named_format_overrides_detection()
    {
        // An SBS log that starts with a line no detector recognises.
        var path = files.Write("odd.log", "# recorded by hand\n" + SbsLine);

        var summary = await new ImportRunner(new ImportOptions { Format = ImportFormat.Sbs }).RunAsync(path, sink);

        Assert.Equal((2, 1, 1), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected));
    }

    public void Dispose() => files.Dispose();

    private Task<ImportProgress> Import(string path) => new ImportRunner(new ImportOptions()).RunAsync(path, sink);

    private sealed class FailingSink : IImportSink
    {
        public ValueTask WriteAsync(IReadOnlyList<AircraftReport> reports, CancellationToken cancellationToken) =>
            throw new IOException("disk full");
    }

    /// <summary>An upload body: forward-only, length unknown.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
