using System.Text;
using static LiveTrack.Adsb.Tests.SnapshotFixtures;

namespace LiveTrack.Adsb.Tests;

public class SnapshotParserErrorTests
{
    private const string OpenSkyValidEntry =
        """["abcdef","CALL1   ","X",1732363200,1732363200,1.0,2.0,1000,false,100,90,0,null,1100,"1200",false,0]""";

    public static TheoryData<string, string> ReadsbDocumentFailures => new()
    {
        { "", "not valid JSON" },
        { "   ", "not valid JSON" },
        { "garbage", "not valid JSON" },
        { "\u0000\u0001binary", "not valid JSON" },
        { """{"now":1732363200,"aircraft":[{"hex":"ae01c5"}""", "not valid JSON" },
        { """{"now":1732363200,"aircraft":[{"hex":"ae01c5"}]""", "not valid JSON" },
        { """{"now":1732363200,"aircraft":[{"hex":"ae01c5"}]} trailing""", "not valid JSON" },
        { """{"now":1732363200,"aircraft":[],}""", "not valid JSON" },
        { """[{"hex":"ae01c5"}]""", "top level: expected an object, got an array" },
        { "42", "top level: expected an object, got a number" },
        { "null", "top level: expected an object, got null" },
        { "\"text\"", "top level: expected an object, got a string" },
        { """{"aircraft":[]}""", "now: missing" },
        { """{"now":"1732363200","aircraft":[]}""", "now: expected a number, got a string" },
        { """{"now":null,"aircraft":[]}""", "now: expected a number, got null" },
        { """{"now":-5,"aircraft":[]}""", "now: -5 is not a valid time in Unix seconds" },
        { """{"now":1e300,"aircraft":[]}""", "now: 1E+300 is not a valid time in Unix seconds" },
        { """{"now":1732363200,"now":1732363201,"aircraft":[]}""", "now: appears twice" },
        { """{"now":1732363200}""", "no aircraft array ('aircraft' or 'ac')" },
        { """{"now":1732363200,"aircraft":{}}""", "aircraft: expected an array, got an object" },
        { """{"now":1732363200,"aircraft":null}""", "aircraft: expected an array, got null" },
        { """{"now":1732363200,"ac":"none"}""", "ac: expected an array, got a string" },
        { """{"now":1732363200,"aircraft":[],"aircraft":[]}""", "aircraft: appears twice" },
        { """{"now":1732363200,"aircraft":[],"ac":[]}""", "document has both 'aircraft' and 'ac'" },
        { """{"ac":[{"hex":"ae01c5"}],"now":1e300}""", "now: 1E+300 is not a valid time in Unix milliseconds" },
    };

    [Theory]
    [MemberData(nameof(ReadsbDocumentFailures))]
    public void Readsb_document_level_failures_return_false_with_a_message(string json, string expectedError)
    {
        Assert.False(ReadsbJsonParser.TryParse(Encoding.UTF8.GetBytes(json), out var result, out var error));

        Assert.Null(result);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OpenSkyDocumentFailures => new()
    {
        { "<html>502 Bad Gateway</html>", "not valid JSON" },
        { """{"time":1732363200,"states":[""" + OpenSkyValidEntry, "not valid JSON" },
        { """{"time":1732363200,"states":[""" + OpenSkyValidEntry[..40], "not valid JSON" },
        { """[[1,2,3]]""", "top level: expected an object, got an array" },
        { """{"states":[]}""", "time: missing" },
        { """{"time":"now","states":[]}""", "time: expected a number, got a string" },
        { """{"time":1732363200}""", "states: missing" },
        { """{"time":1732363200,"states":{}}""", "states: expected an array, got an object" },
        { """{"time":1732363200,"states":"[]"}""", "states: expected an array, got a string" },
        { """{"time":1732363200,"states":[],"states":[]}""", "states: appears twice" },
    };

    [Theory]
    [MemberData(nameof(OpenSkyDocumentFailures))]
    public void OpenSky_document_level_failures_return_false_with_a_message(string json, string expectedError)
    {
        Assert.False(OpenSkyStatesParser.TryParse(Encoding.UTF8.GetBytes(json), out var result, out var error));

        Assert.Null(result);
        Assert.StartsWith(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncating_a_valid_document_anywhere_never_yields_a_partial_result()
    {
        foreach (var (json, parse) in new (string, Func<byte[], bool>)[]
        {
            (Readsb, b => ReadsbJsonParser.TryParse(b, out _, out _)),
            (AdsbExchange, b => ReadsbJsonParser.TryParse(b, out _, out _)),
            (OpenSky, b => OpenSkyStatesParser.TryParse(b, out _, out _)),
        })
        {
            var bytes = Utf8(json.TrimEnd());
            Assert.True(parse(bytes));
            for (var length = 0; length < bytes.Length; length++)
            {
                Assert.False(parse(bytes[..length]), $"accepted the first {length} of {bytes.Length} bytes");
            }
        }
    }

    public static TheoryData<string, string> ReadsbEntryFaults => new()
    {
        { """{"hex":"ae01c5","lat":"abc","lon":1}""", "aircraft[1].lat: expected a number, got a string" },
        { """{"flight":"NOHEX"}""", "aircraft[1].hex: missing" },
        { """{"hex":null}""", "aircraft[1].hex: missing" },
        { """{"hex":"ae01c"}""", "aircraft[1].hex: not a 6-digit hex ICAO address" },
        { """{"hex":"zz01c5"}""", "aircraft[1].hex: not a 6-digit hex ICAO address" },
        { """{"hex":11259333}""", "aircraft[1].hex: expected a string, got a number" },
        { """{"hex":"ae01c5","lat":91,"lon":0}""", "aircraft[1].lat: 91 is outside [-90, 90] degrees" },
        { """{"hex":"ae01c5","lat":0,"lon":-180.5}""", "aircraft[1].lon: -180.5 is outside [-180, 180] degrees" },
        { """{"hex":"ae01c5","lat":45}""", "aircraft[1].lon: missing while lat is present" },
        { """{"hex":"ae01c5","lon":45}""", "aircraft[1].lat: missing while lon is present" },
        { """{"hex":"ae01c5","lat":"NaN","lon":1}""", "aircraft[1].lat: expected a number, got a string" },
        { """{"hex":"ae01c5","lat":1e400,"lon":1}""", "aircraft[1].lat: not a finite number" },
        { """{"hex":"ae01c5","alt_baro":"air"}""", "aircraft[1].alt_baro: expected a number or \"ground\", got another string" },
        { """{"hex":"ae01c5","alt_baro":true}""", "aircraft[1].alt_baro: expected a number or \"ground\", got true" },
        { """{"hex":"ae01c5","alt_geom":"ground"}""", "aircraft[1].alt_geom: expected a number, got a string" },
        { """{"hex":"ae01c5","alt_baro":250000}""", "aircraft[1].alt_baro: 250000 is outside [-2000, 200000] feet" },
        { """{"hex":"ae01c5","gs":-1}""", "aircraft[1].gs: -1 is below 0 knots" },
        { """{"hex":"ae01c5","track":361}""", "aircraft[1].track: 361 is outside [0, 360] degrees" },
        { """{"hex":"ae01c5","baro_rate":[1]}""", "aircraft[1].baro_rate: expected a number, got an array" },
        { """{"hex":"ae01c5","flight":{"cs":"X"}}""", "aircraft[1].flight: expected a string, got an object" },
        { """{"hex":"ae01c5","squawk":7700}""", "aircraft[1].squawk: expected a string, got a number" },
        { """{"hex":"ae01c5","spi":2}""", "aircraft[1].spi: expected 0, 1 or a boolean, got a number" },
        { """{"hex":"ae01c5","dbFlags":1.5}""", "aircraft[1].dbFlags: not an integer" },
        { """{"hex":"ae01c5","dbFlags":"1"}""", "aircraft[1].dbFlags: expected an integer, got a string" },
        { """{"hex":"ae01c5","mlat":"lat"}""", "aircraft[1].mlat: expected an array, got a string" },
        { """{"hex":"ae01c5","seen":-1}""", "aircraft[1].seen: -1 is outside [0, 31622400] seconds" },
        { """{"hex":"ae01c5","seen_pos":"1"}""", "aircraft[1].seen_pos: expected a number, got a string" },
        { "\"ae01c5\"", "aircraft[1]: expected an object, got a string" },
        { "null", "aircraft[1]: expected an object, got null" },
        { """["ae01c5",1,2]""", "aircraft[1]: expected an object, got an array" },
    };

    [Theory]
    [MemberData(nameof(ReadsbEntryFaults))]
    public void Readsb_bad_entry_is_skipped_alone_and_named(string badEntry, string expectedError)
    {
        var json = $$"""{"now":1732363200,"aircraft":[{"hex":"4ca7b2","lat":1,"lon":2},{{badEntry}},{"hex":"3c6dd4","mlat":[{"x":1},"lat"]}]}""";

        var result = ParseReadsb(json);

        Assert.Equal(["4ca7b2", "3c6dd4"], result.Aircraft.Select(a => a.Icao));
        Assert.Equal(1, result.Malformed);
        Assert.Equal(expectedError, Assert.Single(result.Errors));
    }

    public static TheoryData<string, string> OpenSkyEntryFaults => new()
    {
        { """["abcdef","CALL1   ","X",1732363200,1732363200,1.0,2.0,1000,false,100,90,0,null,1100,"1200",false]""", "states[1]: expected at least 17 elements, got 16" },
        { "[]", "states[1]: expected at least 17 elements, got 0" },
        { """{"icao24":"abcdef"}""", "states[1]: expected an array, got an object" },
        { "\"abcdef\"", "states[1]: expected an array, got a string" },
        { "null", "states[1]: expected an array, got null" },
        { """[null,null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,false,0]""", "states[1][0] (icao24): missing" },
        { """["abcdeg",null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,false,0]""", "states[1][0] (icao24): not a 6-digit hex ICAO address" },
        { """["abcdef",null,"X",null,null,null,null,null,false,null,null,null,null,null,null,false,0]""", "states[1][4] (last_contact): expected a number, got null" },
        { """["abcdef",null,"X",null,1732363200,null,"abc",null,false,null,null,null,null,null,null,false,0]""", "states[1][6] (latitude): expected a number, got a string" },
        { """["abcdef",null,"X",null,1732363200,1.0,null,null,false,null,null,null,null,null,null,false,0]""", "states[1][6] (latitude): missing while longitude is present" },
        { """["abcdef",null,"X",null,1732363200,190,2.0,null,false,null,null,null,null,null,null,false,0]""", "states[1][5] (longitude): 190 is outside [-180, 180] degrees" },
        { """["abcdef",null,"X",null,1732363200,null,null,70000,false,null,null,null,null,null,null,false,0]""", "states[1][7] (baro_altitude): 229659 is outside [-2000, 200000] feet" },
        { """["abcdef",null,"X",null,1732363200,null,null,null,"no",null,null,null,null,null,null,false,0]""", "states[1][8] (on_ground): expected a boolean, got a string" },
        { """["abcdef",null,"X",null,1732363200,null,null,null,false,-3,null,null,null,null,null,false,0]""", "states[1][9] (velocity): -3 is below 0 m/s" },
        { """["abcdef",null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,1,0]""", "states[1][15] (spi): expected a boolean, got a number" },
        { """["abcdef",null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,false,"ADS-B"]""", "states[1][16] (position_source): expected an integer, got a string" },
        { """["abcdef",null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,false,0,2.5]""", "states[1][17] (category): not an integer" },
        { """["abcdef",null,7,null,1732363200,null,null,null,false,null,null,null,null,null,null,false,0]""", "states[1][2] (origin_country): expected a string, got a number" },
    };

    [Theory]
    [MemberData(nameof(OpenSkyEntryFaults))]
    public void OpenSky_bad_state_vector_is_skipped_alone_and_named(string badEntry, string expectedError)
    {
        var json = $$"""{"time":1732363200,"states":[{{OpenSkyValidEntry}},{{badEntry}},{{OpenSkyValidEntry.Replace("abcdef", "fedcba", StringComparison.Ordinal)}}]}""";

        var result = ParseOpenSky(json);

        Assert.Equal(["abcdef", "fedcba"], result.Aircraft.Select(a => a.Icao));
        Assert.Equal(1, result.Malformed);
        Assert.Equal(expectedError, Assert.Single(result.Errors));
    }

    [Fact]
    public void Invalid_squawk_text_is_dropped_without_skipping_the_entry()
    {
        var result = ParseOpenSky($$"""{"time":1732363200,"states":[{{OpenSkyValidEntry.Replace("\"1200\"", "\"12345\"", StringComparison.Ordinal)}}]}""");

        Assert.Equal(0, result.Malformed);
        Assert.Null(Assert.Single(result.Aircraft).Squawk);
    }

    [Fact]
    public void Malformed_counts_every_skipped_entry_but_errors_keep_only_five_samples()
    {
        var entries = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? $$"""{"hex":"{{i:x6}}"}""" : $$"""{"hex":"{{i:x6}}","lat":"x"}""");
        var json = $$"""{"now":1732363200,"aircraft":[{{string.Join(',', entries)}}]}""";

        var result = ParseReadsb(json);

        Assert.Equal(10, result.Aircraft.Count);
        Assert.Equal(30, result.Malformed);
        Assert.Equal(SnapshotParseResult.MaxErrorSamples, result.Errors.Count);
        Assert.Equal(
            ["aircraft[1].lat: expected a number, got a string", "aircraft[2].lat: expected a number, got a string",
             "aircraft[3].lat: expected a number, got a string", "aircraft[5].lat: expected a number, got a string",
             "aircraft[6].lat: expected a number, got a string"],
            result.Errors);
    }

    [Fact]
    public void Adsb_exchange_entry_errors_name_the_ac_array_even_when_it_precedes_now()
    {
        var result = ParseReadsb("""{"ac":[{"hex":"ae01c5"},{"hex":"ae01c6","gs":"fast"}],"now":1732363200000}""");

        Assert.Equal(1, result.Malformed);
        Assert.Equal("ac[1].gs: expected a number, got a string", Assert.Single(result.Errors));
        Assert.Equal("ae01c5", Assert.Single(result.Aircraft).Icao);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        const string json = """
            {"now":1732363200,"extra":{"deep":[[[{"a":null}]]]},"aircraft":[
              {"hex":"ae01c5","nav_modes":["a",{"b":[1,2]}],"lastPosition":{"lat":"not checked","lon":null},"x":true,"y":null,"z":"s","very_long_property_name_that_exceeds_the_sixty_four_byte_name_buffer_for_sure":1}
            ],"messages":[1,2,3]}
            """;

        var result = ParseReadsb(json);

        Assert.Equal(0, result.Malformed);
        Assert.Equal("ae01c5", Assert.Single(result.Aircraft).Icao);
    }
}
