using static LiveTrack.Adsb.Tests.SnapshotFixtures;

namespace LiveTrack.Adsb.Tests;

public class OpenSkyStatesParserTests
{
    [Fact]
    public void States_document_yields_every_state_vector_with_document_time()
    {
        var result = ParseOpenSky(OpenSky);

        Assert.Equal(new DateTimeOffset(2024, 11, 23, 12, 0, 0, TimeSpan.Zero), result.Now);
        Assert.Equal(0, result.Malformed);
        Assert.Empty(result.Errors);
        Assert.Equal(["4b1814", "a0b1c2", "ae01c5", "3c6dd4"], result.Aircraft.Select(a => a.Icao));
    }

    [Fact]
    public void Airliner_state_converts_metres_and_metres_per_second()
    {
        var a = ParseOpenSky(OpenSky).Aircraft[0];

        Assert.Equal("4b1814", a.Icao);
        Assert.Equal("SWR123", a.Callsign);              // "SWR123  " trimmed
        Assert.Equal("Switzerland", a.OriginCountry);
        Assert.Equal(Noon(-2000), a.PositionTime);       // time_position 1732363198
        Assert.Equal(Noon(-1000), a.Time);               // last_contact 1732363199
        Assert.Equal(8.5492, a.Longitude);               // index 5
        Assert.Equal(47.4582, a.Latitude);               // index 6
        Assert.Equal(36000, a.BarometricAltitudeFeet);   // 10972.8 m ÷ 0.3048 = 36000 ft
        Assert.False(a.OnGround);
        Assert.Equal(450.0, a.GroundSpeedKnots!.Value, 9); // 231.5 m/s × 3600 / 1852 = 833400 / 1852 = 450 kt
        Assert.Equal(92.3, a.TrackDegrees);
        Assert.Equal(-1024, a.VerticalRateFeetPerMinute); // −5.2 m/s × 196.8504 = −1023.62 → −1024 ft/min
        Assert.Equal(37000, a.GeometricAltitudeFeet);    // 11277.6 m ÷ 0.3048 = 37000 ft
        Assert.Equal("1000", a.Squawk);
        Assert.False(a.Spi);
        Assert.Equal("adsb", a.SourceType);              // position_source 0
        Assert.Null(a.Category);                         // only 17 elements: no category
        Assert.Null(a.Emergency);
        Assert.Null(a.Registration);
        Assert.Null(a.TypeCode);
        Assert.Null(a.IsMilitary);
    }

    [Fact]
    public void State_with_null_in_every_nullable_position_keeps_only_address_time_and_flags()
    {
        var a = ParseOpenSky(OpenSky).Aircraft[1];

        var expected = new AircraftObservation
        {
            Icao = "a0b1c2",
            Time = Noon(-50000),                          // last_contact 1732363150
            OriginCountry = "United States",
            OnGround = false,
            Spi = false,
            SourceType = "adsb",
        };
        Assert.Equal(expected, a);
        Assert.Null(a.PositionTime);
    }

    [Fact]
    public void Military_mlat_state_with_category_and_sensors()
    {
        var a = ParseOpenSky(OpenSky).Aircraft[2];

        Assert.Equal("ae01c5", a.Icao);
        Assert.Equal("JAKE21", a.Callsign);
        Assert.Equal(-111.5, a.Longitude);
        Assert.Equal(27.25, a.Latitude);
        Assert.Equal(Noon(-5000), a.PositionTime);         // time_position 1732363195
        Assert.Equal(31000, a.BarometricAltitudeFeet);     // 9448.8 m ÷ 0.3048 = 31000 ft
        Assert.Equal(31500, a.GeometricAltitudeFeet);      // 9601.2 m ÷ 0.3048 = 31500 ft
        Assert.Equal(400.043197, a.GroundSpeedKnots!.Value, 6); // 205.8 × 3600 / 1852 = 740880 / 1852 = 400.0431965…
        Assert.Equal(135.0, a.TrackDegrees);
        Assert.Equal(500, a.VerticalRateFeetPerMinute);    // 2.54 m/s × 60 / 0.3048 = 152.4 / 0.3048 = 500 ft/min
        Assert.Equal("7700", a.Squawk);
        Assert.True(a.Spi);
        Assert.Equal("mlat", a.SourceType);                // position_source 2
        Assert.Equal("6", a.Category);                     // category 6 (heavy) kept as its number
    }

    [Fact]
    public void Ground_state_with_category_one_has_no_category()
    {
        var a = ParseOpenSky(OpenSky).Aircraft[3];

        Assert.True(a.OnGround);
        Assert.Null(a.BarometricAltitudeFeet);
        Assert.Equal(12.498920, a.GroundSpeedKnots!.Value, 6); // 6.43 × 3600 / 1852 = 23148 / 1852 = 12.4989200…
        Assert.Equal(Noon(-10000), a.PositionTime);        // time_position 1732363190
        Assert.Null(a.Category);                           // 1 = "no ADS-B emitter category information"
    }

    [Theory]
    [InlineData(1, "asterix")]
    [InlineData(3, "flarm")]
    [InlineData(4, null)]
    public void Position_source_numbers_map_to_names_and_unknown_ones_to_null(int source, string? expected)
    {
        var json = $$"""{"time":1732363200,"states":[["abcdef",null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,false,{{source}}]]}""";

        Assert.Equal(expected, Assert.Single(ParseOpenSky(json).Aircraft).SourceType);
    }

    [Fact]
    public void Position_without_time_position_is_stamped_with_last_contact()
    {
        const string json = """{"time":1732363200,"states":[["abcdef",null,"X",null,1732363190,1.5,2.5,null,false,null,null,null,null,null,null,false,0]]}""";

        var a = Assert.Single(ParseOpenSky(json).Aircraft);

        Assert.Equal(Noon(-10000), a.PositionTime);
        Assert.Equal(2.5, a.Latitude);
        Assert.Equal(1.5, a.Longitude);
    }

    [Fact]
    public void Null_states_means_no_aircraft()
    {
        var result = ParseOpenSky("""{"time":1732363200,"states":null}""");

        Assert.Equal(Noon(0), result.Now);
        Assert.Empty(result.Aircraft);
        Assert.Equal(0, result.Malformed);
    }

    [Fact]
    public void Extra_trailing_elements_are_ignored()
    {
        const string json = """{"time":1732363200,"states":[["abcdef",null,"X",null,1732363200,null,null,null,false,null,null,null,null,null,null,false,0,3,"future",{"x":[1]}]]}""";

        Assert.Equal("3", Assert.Single(ParseOpenSky(json).Aircraft).Category);
    }
}
