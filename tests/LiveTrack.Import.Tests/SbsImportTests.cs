using System.Text;
using static LiveTrack.Import.Tests.ImportFixtures;

namespace LiveTrack.Import.Tests;

public sealed class SbsImportTests : IDisposable
{
    private const string Good = """
        MSG,3,1,1,4CA7B2,1,2024/11/23,12:00:00.123,2024/11/23,12:00:00.150,,36000,,,53.42130,-6.27010,,,0,0,0,0
        MSG,1,1,1,4CA7B2,1,2024/11/23,12:00:01.000,2024/11/23,12:00:01.010,EIN6TK  ,,,,,,,,0,0,0,0
        MSG,4,1,1,4CA7B2,1,2024/11/23,12:00:02.456,2024/11/23,12:00:02.460,,,452.3,87.2,,,-64,,0,0,0,0
        MLAT,3,1,1,A1B2C3,1,2024/11/23,12:00:03.5,2024/11/23,12:00:03.9,,12000,,,39.8562,-104.6737,,,0,0,0,0

        """;

    private readonly ImportFixtures files = new();
    private readonly CollectingSink sink = new();

    [Fact]
    public async Task Sbs_lines_are_stamped_with_their_own_generated_and_logged_times()
    {
        var summary = await Import(files.Write("feed.sbs", Good.ReplaceLineEndings("\r\n")));

        var r = sink.Reports;
        Assert.Equal([At(123), At(1000), At(2456), At(3500)], r.Select(x => x.Timestamp));
        Assert.Equal([At(150), At(1010), At(2460), At(3900)], r.Select(x => x.ReceivedAt));
        Assert.Equal((53.4213, -6.2701, 36000, PositionSource.Adsb), (r[0].Latitude, r[0].Longitude, r[0].BarometricAltitudeFeet, r[0].PositionSource));
        Assert.Equal("EIN6TK", r[1].Callsign?.Trim());
        Assert.Equal((452.3, 87.2, -64), (r[2].GroundSpeedKnots, r[2].TrackDegrees, r[2].VerticalRateFeetPerMinute));
        Assert.Equal(("a1b2c3", PositionSource.Mlat), (r[3].Icao, r[3].PositionSource));
        Assert.Equal((4, 4, 0, 0), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected, summary.RecordsSkipped));
        Assert.Equal(2, summary.Aircraft);
        Assert.Equal((At(123), At(3500)), (summary.FirstTimestamp, summary.LastTimestamp));
    }

    [Fact]
    public async Task Malformed_lines_are_counted_per_field_with_samples_and_the_rest_imported()
    {
        const string log = """
            MSG,3,1,1,4CA7B2,1,2024/11/23,12:00:00.000,2024/11/23,12:00:00.000,,36000,,,53.4,-6.2,,,0,0,0,0
            MSG,3,1,1,4CA7B2,1,,,,,,36000,,,53.4,-6.2,,,0,0,0,0
            MSG,3,1,1,4CA7B2,1,2024/11/23,12:00:01.000,2024/11/23,12:00:01.000,,36000,,,95.0,-6.2,,,0,0,0,0
            MSG,3,1,1,4CA7B2,1,2024/11/23,12:00:02.000,2024/11/23,12:00:02.000,,36000,,,96.0,-6.2,,,0,0,0,0
            MSG,3,1,1,XYZ,1,2024/11/23,12:00:03.000,2024/11/23,12:00:03.000,,36000,,,53.4,-6.2,,,0,0,0,0
            STA,,5,179,400AE7,10103,2024/11/23,12:00:03.000,2024/11/23,12:00:03.000,RM
            garbage

            MSG,3,1,1,4CA7B2,1,2024/11/23,12:00:04.000,2024/11/23,12:00:04.000,,36000,,,53.5,-6.3,,,0,0,0,0
            """;

        var summary = await Import(files.Write("feed.sbs", log + "\n"));

        Assert.Equal([At(0), At(4000)], sink.Reports.Select(r => r.Timestamp));
        Assert.Equal((9, 2, 5, 2), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected, summary.RecordsSkipped));
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["SBS line without date/time"] = 1,
                ["SBS field 15 (latitude)"] = 2,
                ["SBS field 5 (hex ident)"] = 1,
                ["SBS field 1 (message type)"] = 1,
            },
            summary.Rejections.ToDictionary(r => r.Reason, r => r.Count));
        Assert.Equal(
            ["feed.sbs line 3: field 15 (latitude): '95.0' is outside [-90, 90] degrees", "feed.sbs line 4: field 15 (latitude): '96.0' is outside [-90, 90] degrees"],
            summary.Rejections.Single(r => r.Reason == "SBS field 15 (latitude)").Samples);
        Assert.Equal(
            new Dictionary<string, long> { ["SBS line without aircraft data (SEL, ID, AIR, STA, CLK)"] = 1, ["blank line"] = 1 },
            summary.Skips.ToDictionary(r => r.Reason, r => r.Count));
    }

    [Fact]
    public async Task An_unterminated_last_line_is_rejected_because_it_may_have_lost_digits()
    {
        var log = Good.TrimEnd() + "\nMSG,3,1,1,4CA7B2,1,2024/11/23,12:00:09.000,2024/11/23,12:00:09.000,,36000,,,53.4,-6.2";

        var summary = await Import(files.Write("feed.sbs", log));

        Assert.Equal(4, sink.Reports.Count);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("last line not terminated (file cut short?)", rejection.Reason);
        Assert.Equal("feed.sbs line 5: no line feed at the end of the file", rejection.Samples.Single());
    }

    [Fact]
    public async Task Truncated_gzip_log_keeps_the_lines_before_the_cut_and_never_the_cut_line()
    {
        var lines = new StringBuilder();
        var expected = new List<DateTimeOffset>();
        for (var i = 0; i < 20_000; i++)
        {
            var time = Noon.AddMilliseconds(i * 37);
            expected.Add(time);
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"MSG,3,1,1,4CA7B2,1,{time:yyyy/MM/dd},{time:HH:mm:ss.fff},{time:yyyy/MM/dd},{time:HH:mm:ss.fff},,{30000 + i},,,{50 + (i * 1e-4):F4},-6.2,,,0,0,0,0\r\n");
        }

        var gzip = Gzip(Utf8(lines.ToString()));
        var summary = await Import(files.Write("feed.sbs.gz", gzip[..(gzip.Length / 2)]), batchSize: 500);

        var problem = Assert.Single(summary.FileProblems);
        Assert.Equal("corrupt or truncated data", problem.Reason);
        var imported = sink.Reports;
        Assert.InRange(imported.Count, 1, expected.Count - 1);
        Assert.Equal(expected.Take(imported.Count), imported.Select(r => r.Timestamp));
        Assert.Equal(Enumerable.Range(30000, imported.Count), imported.Select(r => r.BarometricAltitudeFeet!.Value));
        Assert.Empty(summary.Rejections);
        Assert.All(sink.Batches, b => Assert.InRange(b.Count, 1, 500));
    }

    [Fact]
    public async Task Sbs_local_time_is_shifted_to_utc_by_the_configured_offset()
    {
        var runner = new ImportRunner(new ImportOptions { SbsUtcOffset = TimeSpan.FromHours(2) });

        await runner.RunAsync(files.Write("local.sbs", Good), sink);

        Assert.Equal(Noon.AddHours(-2).AddMilliseconds(123), sink.Reports[0].Timestamp);
    }

    public void Dispose() => files.Dispose();

    private static DateTimeOffset At(int milliseconds) => Noon.AddMilliseconds(milliseconds);

    private Task<ImportProgress> Import(string path, int batchSize = 4096) =>
        new ImportRunner(new ImportOptions { BatchSize = batchSize }).RunAsync(path, sink);
}
