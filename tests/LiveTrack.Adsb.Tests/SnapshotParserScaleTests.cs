using System.Globalization;
using System.Text;

namespace LiveTrack.Adsb.Tests;

public class SnapshotParserScaleTests
{
    private const int AircraftCount = 25_000;

    [Fact]
    public void Readsb_document_with_25000_aircraft_parses_completely()
    {
        var json = BuildReadsb(AircraftCount);

        Assert.True(ReadsbJsonParser.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(AircraftCount, parsed.Aircraft.Count);
        Assert.Equal(0, parsed.Malformed);
        var last = parsed.Aircraft[^1];
        Assert.Equal((AircraftCount - 1).ToString("x6", CultureInfo.InvariantCulture), last.Icao);
        Assert.Equal("TST24999", last.Callsign);

        // Speed is measured in the benchmarks (AircraftJsonParsingBenchmarks), never asserted here.
    }

    [Fact]
    public void OpenSky_document_with_25000_states_parses_completely()
    {
        var json = BuildOpenSky(AircraftCount);

        Assert.True(OpenSkyStatesParser.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(AircraftCount, parsed.Aircraft.Count);
        Assert.Equal(0, parsed.Malformed);
        Assert.Equal((AircraftCount - 1).ToString("x6", CultureInfo.InvariantCulture), parsed.Aircraft[^1].Icao);
    }

    /// <summary>A readsb document whose entries carry the full set of fields readsb writes for a modern transponder.</summary>
    private static byte[] BuildReadsb(int count)
    {
        var random = new Random(7);
        var builder = new StringBuilder(count * 700);
        builder.Append("{\"now\":1732363200.5,\"messages\":123456789,\"aircraft\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(CultureInfo.InvariantCulture, $$"""
                {"hex":"{{i:x6}}","type":"adsb_icao","flight":"TST{{i}}{{new string(' ', Math.Max(0, 5 - i.ToString(CultureInfo.InvariantCulture).Length))}}","r":"N{{i}}","t":"B738","alt_baro":{{random.Next(0, 45000)}},"alt_geom":{{random.Next(0, 45000)}},"gs":{{random.NextDouble() * 500:F1}},"ias":250,"tas":400,"mach":0.72,"wd":270,"ws":40,"oat":-40,"tat":-20,"track":{{random.NextDouble() * 360:F2}},"track_rate":0.03,"roll":-0.2,"mag_heading":85.6,"true_heading":88.1,"baro_rate":{{random.Next(-3000, 3000)}},"geom_rate":{{random.Next(-3000, 3000)}},"squawk":"{{random.Next(0, 8)}}{{random.Next(0, 8)}}{{random.Next(0, 8)}}{{random.Next(0, 8)}}","emergency":"none","category":"A3","nav_qnh":1013.2,"nav_altitude_mcp":36000,"nav_heading":87.9,"nav_modes":["autopilot","vnav","lnav","tcas"],"lat":{{random.NextDouble() * 180 - 90:F6}},"lon":{{random.NextDouble() * 360 - 180:F6}},"nic":8,"rc":186,"seen_pos":{{random.NextDouble() * 10:F1}},"version":2,"nic_baro":1,"nac_p":10,"nac_v":2,"sil":3,"sil_type":"perhour","gva":2,"sda":2,"alert":0,"spi":0,"mlat":[],"tisb":[],"messages":{{random.Next(1, 100000)}},"seen":{{random.NextDouble() * 10:F1}},"rssi":-18.3,"dbFlags":0}
                """);
        }

        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] BuildOpenSky(int count)
    {
        var random = new Random(8);
        var builder = new StringBuilder(count * 200);
        builder.Append("{\"time\":1732363200,\"states\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(CultureInfo.InvariantCulture, $$"""
                ["{{i:x6}}","TST{{i,-5}}","United States",1732363198,1732363199,{{random.NextDouble() * 360 - 180:F4}},{{random.NextDouble() * 180 - 90:F4}},{{random.NextDouble() * 12000:F2}},false,{{random.NextDouble() * 250:F2}},{{random.NextDouble() * 360:F2}},{{random.NextDouble() * 20 - 10:F2}},null,{{random.NextDouble() * 12000:F2}},"1000",false,0,4]
                """);
        }

        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
