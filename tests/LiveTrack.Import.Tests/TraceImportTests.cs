using System.Globalization;
using System.Text;
using static LiveTrack.Import.Tests.ImportFixtures;

namespace LiveTrack.Import.Tests;

public sealed class TraceImportTests : IDisposable
{
    /// <summary>
    /// A trace as readsb's generateTraceJson writes it: aircraft database fields, then timestamp, then rows. Row 0 has
    /// a details object, row 2 is on the ground from MLAT, row 3 has flag bit 3 (the altitude is geometric), row 4 is
    /// the short row layout of older readsb versions.
    /// </summary>
    private const string Trace = """
        {"icao":"ae01c5",
        "r":"64-14846",
        "t":"R135",
        "dbFlags":9,
        "desc":"BOEING RC-135",
        "timestamp": 1732363200.123,
        "trace":[ 
        [0.00,27.000000,-111.500000,31000,420.5,135.2,0,-64,{"type":"adsb_icao","flight":"JAKE21  ","alt_geom":31550,"squawk":"7700","emergency":"general","category":"A5","nic":8,"rc":186,"version":2,"nac_p":9,"alert":0,"spi":0},"adsb_icao",31550,-32,280,-0.5],
        [5.25,27.010000,-111.490000,31025,421.0,135.0,0,0,null,"adsb_icao",31575,null,281,null],
        [10.50,27.020000,-111.480000,"ground",null,null,2,null,null,"mlat",null,null,null,null],
        [15.01,27.030000,-111.470000,32000,400.0,90.0,8,null,null,"adsb_icao",null,null,null,null],
        [20.00,27.040000,-111.460000,32100,400.0,90.0,0,128]
         ]
         }
        """;

    private readonly ImportFixtures files = new();
    private readonly CollectingSink sink = new();

    [Fact]
    public async Task Gzip_trace_named_json_imports_every_point_at_its_recorded_time()
    {
        var path = files.WriteGzip("traces/c5/trace_full_ae01c5.json", Trace);

        var summary = await Import(path);

        Assert.Equal(
            [At(123), At(5373), At(10623), At(15133), At(20123)],
            sink.Reports.Select(r => r.Timestamp));
        Assert.All(sink.Reports, r => Assert.Equal(r.Timestamp, r.ReceivedAt));
        Assert.All(sink.Reports, r => Assert.Equal("recorded", r.Feed));
        Assert.Equal(new Dictionary<ImportFormat, int> { [ImportFormat.ReadsbTrace] = 1 }, summary.Formats);
        Assert.Equal((5, 5, 0, 0), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected, summary.RecordsSkipped));
        Assert.Equal(1, summary.Aircraft);
        Assert.Equal((At(123), At(20123)), (summary.FirstTimestamp, summary.LastTimestamp));
        Assert.Empty(summary.FileProblems);
    }

    [Fact]
    public async Task Trace_rows_map_position_altitudes_source_and_details()
    {
        await Import(files.Write("trace_full_ae01c5.json", Trace));
        var r = sink.Reports;

        Assert.All(r, x => Assert.Equal("ae01c5", x.Icao));
        Assert.All(r, x => Assert.Equal(("64-14846", "R135", true), (x.Registration, x.TypeCode, x.Military)));

        // Row 0: every element plus the details object.
        Assert.Equal((27.0, -111.5), (r[0].Latitude, r[0].Longitude));
        Assert.Equal(PositionSource.Adsb, r[0].PositionSource);
        Assert.Equal((31000, 31550, false), (r[0].BarometricAltitudeFeet, r[0].GeometricAltitudeFeet, r[0].OnGround));
        Assert.Equal((420.5, 135.2, -64), (r[0].GroundSpeedKnots, r[0].TrackDegrees, r[0].VerticalRateFeetPerMinute));
        Assert.Equal(("JAKE21", "7700", true, "A5", false), (r[0].Callsign, r[0].Squawk, r[0].Emergency, r[0].Category, r[0].Spi));

        // Row 1: no details: nothing of row 0's identity is carried over (the history keeps changes, not guesses).
        Assert.Null(r[1].Callsign);
        Assert.Equal(31575, r[1].GeometricAltitudeFeet);

        // Row 2: "ground" from MLAT.
        Assert.Equal((true, (int?)null, PositionSource.Mlat), (r[2].OnGround, r[2].BarometricAltitudeFeet, r[2].PositionSource));

        // Row 3: flag bit 3 says element 3 is the geometric altitude (readsb had no barometric one).
        Assert.Equal(((int?)null, (int?)32000), (r[3].BarometricAltitudeFeet, r[3].GeometricAltitudeFeet));

        // Row 4: the old 8-element layout still gives a point, with an unknown source.
        Assert.Equal((27.04, -111.46, 32100, 128), (r[4].Latitude, r[4].Longitude, r[4].BarometricAltitudeFeet, r[4].VerticalRateFeetPerMinute));
        Assert.Equal(PositionSource.Unknown, r[4].PositionSource);
    }

    [Fact]
    public async Task Malformed_rows_are_counted_by_reason_with_samples_and_the_rest_imported()
    {
        const string trace = """
            {"icao":"ae01c5","timestamp":1732363200,"trace":[
            [0.0,27.0,-111.5,31000],
            [1.0,95.0,10.0,1000],
            [2.0,10.0],
            "not a row",
            [3.0,10.0,10.0,"high"],
            [4.0,10.0,10.0,1000,100,90,0,0,{"flight":5}],
            [5.0,null,null,1000],
            [6.0,27.1,-111.4,31000]
            ]}
            """;

        var summary = await Import(files.Write("trace_recent_ae01c5.json", trace));

        Assert.Equal([At(0), At(6000)], sink.Reports.Select(r => r.Timestamp));
        Assert.Equal((8, 2, 6), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected));
        var reasons = summary.Rejections.ToDictionary(r => r.Reason, r => r.Count);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["trace row: latitude"] = 2,
                ["trace row: too few elements"] = 1,
                ["trace row: not an array"] = 1,
                ["trace row: altitude"] = 1,
                ["trace row: details"] = 1,
            },
            reasons);
        var latitude = summary.Rejections.Single(r => r.Reason == "trace row: latitude");
        Assert.Contains("trace_recent_ae01c5.json trace[1]: [1] (latitude): 95 is outside [-90, 90] degrees", latitude.Samples);
        var details = summary.Rejections.Single(r => r.Reason == "trace row: details").Samples.Single();
        Assert.Contains(".flight: expected a string", details, StringComparison.Ordinal);
        Assert.Empty(summary.FileProblems);
    }

    [Fact]
    public async Task Truncated_gzip_keeps_the_rows_before_the_cut_and_reports_the_file()
    {
        var (json, expected) = LongTrace(2000);
        var gzip = Gzip(Utf8(json));
        var path = files.Write("trace_full_ae01c5.json", gzip[..(gzip.Length * 6 / 10)]);

        var summary = await Import(path);

        var problem = Assert.Single(summary.FileProblems);
        Assert.Equal("corrupt or truncated data", problem.Reason);
        Assert.Contains("trace_full_ae01c5.json: gzip data is truncated", problem.Samples.Single(), StringComparison.Ordinal);
        Assert.Equal(1, summary.FilesWithProblems);
        var imported = sink.Reports.Select(r => r.Timestamp).ToList();
        Assert.InRange(imported.Count, 1, expected.Count - 1);
        Assert.Equal(expected.Take(imported.Count), imported);
        Assert.Equal(summary.RecordsRead, summary.RecordsAccepted);
    }

    [Fact]
    public async Task Truncated_json_keeps_the_complete_rows_and_reports_the_file()
    {
        var (json, expected) = LongTrace(10);
        var cut = json.IndexOf("[0.49", StringComparison.Ordinal) + 9; // in the middle of row 7 (7 × 0.07 s)

        var summary = await Import(files.Write("trace_full_ae01c5.json", json[..cut]));

        Assert.Equal(expected.Take(7), sink.Reports.Select(r => r.Timestamp));
        var problem = Assert.Single(summary.FileProblems);
        Assert.Equal("invalid or truncated JSON", problem.Reason);
        Assert.Contains("stopped after 7 records", problem.Samples.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_in_the_middle_stops_the_file_after_the_rows_before_it()
    {
        const string trace = """
            {"icao":"ae01c5","timestamp":1732363200,"trace":[
            [0.0,27.0,-111.5,31000],
            [1.0,27.0,-111.5,31000 x],
            [2.0,27.0,-111.5,31000]
            ]}
            """;

        var summary = await Import(files.Write("trace_full_ae01c5.json", trace));

        Assert.Equal([At(0)], sink.Reports.Select(r => r.Timestamp));
        Assert.Equal("invalid JSON", Assert.Single(summary.FileProblems).Reason);
    }

    [Fact]
    public async Task A_long_trace_is_streamed_through_buffer_refills_with_every_timestamp_exact()
    {
        var (json, expected) = LongTrace(60_000);
        Assert.True(json.Length > 4 * 1024 * 1024); // many times the reader's 64 KiB buffer

        var summary = await Import(files.WriteGzip("trace_full_ae01c5.json", json), batchSize: 1000);

        Assert.Equal(expected, sink.Reports.Select(r => r.Timestamp));
        Assert.All(sink.Batches, b => Assert.InRange(b.Count, 1, 1000));
        Assert.Equal(60_000, summary.RecordsAccepted);
        Assert.Equal("JAKE21", sink.Reports[59_990].Callsign);
    }

    [Fact]
    public async Task A_trace_without_timestamp_before_its_rows_cannot_be_read()
    {
        const string trace = """{"icao":"ae01c5","trace":[[0.0,27.0,-111.5,31000]],"timestamp":1732363200}""";

        var ex = await Assert.ThrowsAsync<ImportException>(() => Import(files.Write("trace_full_ae01c5.json", trace)));

        Assert.Contains("'timestamp' must come before 'trace'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Reports);
    }

    public void Dispose() => files.Dispose();

    /// <summary>A trace of <paramref name="rows"/> points 0.07 s apart (two decimals, as readsb writes them), details every tenth.</summary>
    internal static (string Json, List<DateTimeOffset> Timestamps) LongTrace(int rows)
    {
        var json = new StringBuilder("{\"icao\":\"ae01c5\",\n\"timestamp\": 1732363200.123,\n\"trace\":[ ");
        var expected = new List<DateTimeOffset>(rows);
        for (var i = 0; i < rows; i++)
        {
            var offset = i * 7m / 100m;
            var details = i % 10 == 0 ? """{"type":"adsb_icao","flight":"JAKE21  ","squawk":"7700","nic":8,"rc":186}""" : "null";
            json.Append(CultureInfo.InvariantCulture, $"\n[{offset:0.00},{27 + (i * 1e-5):F6},{-111.5 + (i * 1e-5):F6},{31000 + (i % 50)},420.5,135.2,0,-64,{details},\"adsb_icao\",31550,null,280,null],");
            expected.Add(Noon.AddMilliseconds(123).AddTicks((long)(offset * TimeSpan.TicksPerSecond)));
        }

        json.Length--; // the last comma, as readsb removes it
        json.Append(" ]\n }\n");
        return (json.ToString(), expected);
    }

    private static DateTimeOffset At(int milliseconds) => Noon.AddMilliseconds(milliseconds);

    private Task<ImportProgress> Import(string path, int batchSize = 4096) =>
        new ImportRunner(new ImportOptions { Feed = "recorded", BatchSize = batchSize }).RunAsync(path, sink);
}
