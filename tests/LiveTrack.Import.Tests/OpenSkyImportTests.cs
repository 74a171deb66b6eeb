using static LiveTrack.Import.Tests.ImportFixtures;

namespace LiveTrack.Import.Tests;

public sealed class OpenSkyImportTests : IDisposable
{
    private const string Header = "time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,baroaltitude,geoaltitude,lastposupdate,lastcontact,serials,hour";

    private readonly ImportFixtures files = new();
    private readonly CollectingSink sink = new();

    [Fact]
    public async Task Rest_states_are_read_with_their_position_and_contact_times_and_converted_units()
    {
        const string states = """
            {"time":1732363200,"states":[
              ["ae01c5","JAKE21  ","United States",1732363199,1732363200,-111.5,27.0,9448.8,false,216.0,135.2,-0.33,null,9601.2,"7700",false,0]
            ]}
            """;

        await Import(files.Write("states.json", states));

        var r = sink.Reports;
        Assert.Equal([Noon.AddSeconds(-1), Noon], r.Select(x => x.Timestamp));
        Assert.Equal((27.0, -111.5, PositionSource.Adsb), (r[0].Latitude, r[0].Longitude, r[0].PositionSource));
        Assert.Equal((31000, 31500, "7700"), (r[1].BarometricAltitudeFeet, r[1].GeometricAltitudeFeet, r[1].Squawk));
        Assert.Equal(419.87, r[1].GroundSpeedKnots!.Value, 2);
        Assert.Equal(-65, r[1].VerticalRateFeetPerMinute);
    }

    [Fact]
    public async Task Csv_rows_are_read_by_column_name_with_units_converted_and_repeats_skipped()
    {
        var csv = string.Join('\n',
            Header,
            "1732363200,ae01c5,27.0,-111.5,216.0,135.2,-0.33,JAKE21  ,False,False,False,7700,9448.8,9601.2,1732363199.5,1732363199.9,\"[1,2]\",1732363200",
            "1732363210,ae01c5,27.0,-111.5,216.0,135.2,-0.33,JAKE21  ,False,False,False,7700,9448.8,9601.2,1732363199.5,1732363199.9,\"[1,2]\",1732363200",
            "1732363220,ae01c5,27.1,-111.4,216.0,135.2,-0.33,JAKE21  ,False,True,False,7700,9448.8,9601.2,1732363219.5,1732363219.5,\"[3]\",1732363200",
            "1732363220,a1b2c3,,,,,,,True,,,,,,,1732363218.25,,1732363200",
            "1732363220,abc,27.0,-111.5,,,,,,,,,,,,,,1732363200",
            "1732363220,4ca7b2,95.0,-6.0,,,,,,,,,,,,1732363220,,1732363200",
            "") ;

        var summary = await Import(files.Write("states_2024-11-23-12.csv", csv));

        var r = sink.Reports;
        Assert.Equal(
            [
                ("ae01c5", Noon.AddMilliseconds(-500), true),   // position at lastposupdate
                ("ae01c5", Noon.AddMilliseconds(-100), false),  // fields at lastcontact
                ("ae01c5", Noon.AddMilliseconds(19_500), true), // the 10 s repeat was skipped; new position and contact together
                ("a1b2c3", Noon.AddMilliseconds(18_250), false),
            ],
            r.Select(x => (x.Icao, x.Timestamp, x.HasPosition)));
        Assert.Equal([Noon, Noon, Noon.AddSeconds(20), Noon.AddSeconds(20)], r.Select(x => x.ReceivedAt));
        Assert.Equal((31000, 31500, -65, "JAKE21", "7700"), (r[1].BarometricAltitudeFeet, r[1].GeometricAltitudeFeet, r[1].VerticalRateFeetPerMinute, r[1].Callsign, r[1].Squawk));
        Assert.Equal(419.87, r[1].GroundSpeedKnots!.Value, 2);
        Assert.Equal((false, false, false), (r[1].OnGround, r[1].Alert, r[1].Spi));
        Assert.True(r[2].Alert);
        Assert.True(r[3].OnGround);
        Assert.Equal((6, 3, 2, 1), (summary.RecordsRead, summary.RecordsAccepted, summary.RecordsRejected, summary.RecordsSkipped));
        Assert.Equal(
            new Dictionary<string, long> { ["CSV row: icao24"] = 1, ["CSV row: lat"] = 1 },
            summary.Rejections.ToDictionary(x => x.Reason, x => x.Count));
        Assert.Equal("states_2024-11-23-12.csv line 7: lat: '95.0' is outside [-90, 90]", summary.Rejections.Single(x => x.Reason == "CSV row: lat").Samples.Single());
    }

    [Fact]
    public async Task Csv_without_the_required_columns_cannot_be_read()
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() => Import(files.Write("x.csv", "time,lat,lon\n1732363200,1,2\n")));

        Assert.Equal(
            "nothing could be imported: not OpenSky CSV: x.csv: the header has no 'time' and 'icao24' columns (nothing read)",
            ex.Message);
    }

    public void Dispose() => files.Dispose();

    private Task<ImportProgress> Import(string path) => new ImportRunner(new ImportOptions()).RunAsync(path, sink);
}
