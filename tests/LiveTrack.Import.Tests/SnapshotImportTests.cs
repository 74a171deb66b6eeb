using static LiveTrack.Import.Tests.ImportFixtures;

namespace LiveTrack.Import.Tests;

public sealed class SnapshotImportTests : IDisposable
{
    private readonly ImportFixtures files = new();
    private readonly CollectingSink sink = new();

    /// <summary>
    /// Three aircraft.json snapshots a second apart. 4ca7b2 keeps the same position (seen_pos grows with now) in the
    /// second one and has a new one in the third; the third also has a malformed entry.
    /// </summary>
    internal static readonly string[] Snapshots =
    [
        """
        {"now": 1732363200.0, "messages": 100, "aircraft": [
          {"hex":"4ca7b2","type":"adsb_icao","flight":"EIN6TK  ","alt_baro":36000,"lat":53.4213,"lon":-6.2701,"seen_pos":1.2,"seen":0.4},
          {"hex":"3c6dd4","alt_baro":"ground","lat":50.03412,"lon":8.5587,"seen_pos":0.0,"seen":0.0}
        ]}
        """,
        """
        {"now": 1732363201.0, "messages": 110, "aircraft": [
          {"hex":"4ca7b2","type":"adsb_icao","flight":"EIN6TK  ","alt_baro":36025,"lat":53.4213,"lon":-6.2701,"seen_pos":2.2,"seen":0.1}
        ]}
        """,
        """
        {"now": 1732363202.0, "messages": 120, "aircraft": [
          {"hex":"4ca7b2","type":"adsb_icao","flight":"EIN6TK  ","alt_baro":36050,"lat":53.4300,"lon":-6.2600,"seen_pos":0.5,"seen":0.5},
          {"hex":"a1b2c3","lat":"north","lon":-6.0}
        ]}
        """,
    ];

    [Fact]
    public async Task A_folder_of_snapshots_is_read_in_natural_order_with_each_documents_own_now()
    {
        // Names that sort wrongly as plain text (10 before 2).
        files.Write("history/history_1.json", Snapshots[0]);
        files.Write("history/history_2.json", Snapshots[1]);
        files.WriteGzip("history/history_10.json", Snapshots[2]);

        var summary = await Import(files.Path("history"));

        var r = sink.Reports;
        Assert.Equal(
            [
                ("4ca7b2", Noon.AddMilliseconds(-1200), true),     // position, now − seen_pos
                ("4ca7b2", Noon.AddMilliseconds(-400), false),     // other fields, now − seen
                ("3c6dd4", Noon, true),                            // seen_pos = seen: one report
                ("4ca7b2", Noon.AddMilliseconds(900), false),      // 2nd snapshot: same position, new fields only
                ("4ca7b2", Noon.AddMilliseconds(1500), true),      // 3rd: new position and fields at the same time
            ],
            r.Select(x => (x.Icao, x.Timestamp, x.HasPosition)));
        Assert.Equal([Noon, Noon, Noon, Noon.AddSeconds(1), Noon.AddSeconds(2)], r.Select(x => x.ReceivedAt));
        Assert.Equal(36025, r[3].BarometricAltitudeFeet);
        Assert.Equal((3, 0), (summary.Files, summary.FilesWithProblems));
        Assert.Equal((5, 4, 1), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected));
        var malformed = Assert.Single(summary.Rejections);
        Assert.Equal("aircraft.json entry malformed", malformed.Reason);
        Assert.Equal("history_10.json: aircraft[1].lat: expected a number, got a string", malformed.Samples.Single());
    }

    [Fact]
    public async Task A_zip_of_snapshots_with_a_gzip_entry_imports_like_the_folder()
    {
        var zip = files.WriteZip(
            "snapshots.zip",
            ("b/history_2.json", Utf8(Snapshots[1])),
            ("a/history_1.json", Utf8(Snapshots[0])),
            ("b/history_10.json.gz", Gzip(Utf8(Snapshots[2]))));

        var summary = await Import(zip);

        Assert.Equal(5, sink.Reports.Count);
        Assert.Equal(
            [Noon, Noon, Noon, Noon.AddSeconds(1), Noon.AddSeconds(2)],
            sink.Reports.Select(x => x.ReceivedAt));
        Assert.Equal(3, summary.Formats[ImportFormat.AircraftJson]);
    }

    [Fact]
    public async Task A_snapshot_that_is_not_valid_json_gives_nothing_and_is_reported()
    {
        files.Write("s/history_1.json", Snapshots[0]);
        files.Write("s/history_2.json", Snapshots[1][..40]);

        var summary = await Import(files.Path("s"));

        Assert.Equal(3, sink.Reports.Count); // the first snapshot only
        var problem = Assert.Single(summary.FileProblems);
        Assert.Equal("document rejected", problem.Reason);
        Assert.StartsWith("history_2.json: not valid JSON", problem.Samples.Single(), StringComparison.Ordinal);
        Assert.Contains("(nothing read)", problem.Samples.Single(), StringComparison.Ordinal);
    }

    public void Dispose() => files.Dispose();

    private Task<ImportProgress> Import(string path) => new ImportRunner(new ImportOptions()).RunAsync(path, sink);
}
