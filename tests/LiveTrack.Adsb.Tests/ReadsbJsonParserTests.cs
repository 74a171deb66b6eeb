using static LiveTrack.Adsb.Tests.SnapshotFixtures;

namespace LiveTrack.Adsb.Tests;

public class ReadsbJsonParserTests
{
    [Fact]
    public void Readsb_document_yields_every_aircraft_in_order_with_fractional_now()
    {
        var result = ParseReadsb(Readsb);

        // now = 1732363200.5 s = 2024-11-23 12:00:00.500 UTC
        Assert.Equal(new DateTimeOffset(2024, 11, 23, 12, 0, 0, 500, TimeSpan.Zero), result.Now);
        Assert.Equal(0, result.Malformed);
        Assert.Empty(result.Errors);
        Assert.Equal(
            ["4ca7b2", "3c6dd4", "a1b2c3", "~2501fa", "ae01c5", "e48df6", "48418c"],
            result.Aircraft.Select(a => a.Icao));
    }

    [Fact]
    public void Airliner_entry_maps_every_field_and_resolves_seen_times_against_now()
    {
        var a = ParseReadsb(Readsb).Aircraft[0];

        Assert.Equal("4ca7b2", a.Icao);                 // "4CA7B2" normalised
        Assert.Equal(Noon(500 - 400), a.Time);          // now − seen 0.4 s = 12:00:00.100
        Assert.Equal(Noon(500 - 1200), a.PositionTime); // now − seen_pos 1.2 s = 11:59:59.300
        Assert.Equal(53.4213, a.Latitude);
        Assert.Equal(-6.2701, a.Longitude);
        Assert.Equal("adsb_icao", a.SourceType);
        Assert.Equal("EIN6TK", a.Callsign);             // "EIN6TK  " trimmed
        Assert.Equal(36000, a.BarometricAltitudeFeet);
        Assert.Equal(36550, a.GeometricAltitudeFeet);
        Assert.False(a.OnGround);                       // a numeric alt_baro means airborne
        Assert.Equal(452.3, a.GroundSpeedKnots);
        Assert.Equal(87.25, a.TrackDegrees);
        Assert.Equal(-64, a.VerticalRateFeetPerMinute); // baro_rate -64 preferred over geom_rate -32
        Assert.Equal("1234", a.Squawk);
        Assert.Equal("none", a.Emergency);
        Assert.False(a.Spi);                            // spi 0
        Assert.Equal("A3", a.Category);
        Assert.Equal("EI-FNH", a.Registration);
        Assert.Equal("A320", a.TypeCode);
        Assert.False(a.IsMilitary);                     // dbFlags 0
        Assert.Null(a.OriginCountry);
    }

    [Fact]
    public void Ground_entry_is_on_ground_without_barometric_altitude()
    {
        var a = ParseReadsb(Readsb).Aircraft[1];

        Assert.Equal("3c6dd4", a.Icao);
        Assert.True(a.OnGround);                        // alt_baro "ground"
        Assert.Null(a.BarometricAltitudeFeet);
        Assert.Equal("DLH4AB", a.Callsign);
        Assert.Equal(12.5, a.GroundSpeedKnots);
        Assert.Equal(271.4, a.TrackDegrees);
        Assert.Equal("A5", a.Category);
        Assert.Equal(Noon(500 - 200), a.Time);          // seen 0.2
        Assert.Equal(Noon(500 - 3000), a.PositionTime); // seen_pos 3.0
        Assert.Null(a.IsMilitary);                      // no dbFlags at all
    }

    [Fact]
    public void Mlat_position_without_type_is_reported_as_mlat_and_geom_rate_is_used_when_baro_rate_is_absent()
    {
        var a = ParseReadsb(Readsb).Aircraft[2];

        Assert.Equal("a1b2c3", a.Icao);
        Assert.Equal("mlat", a.SourceType);             // "lat" listed in "mlat", no "type"
        Assert.Equal(640, a.VerticalRateFeetPerMinute); // geom_rate only
        Assert.Null(a.Squawk);                          // "1289" has non-octal digits: dropped, entry kept
        Assert.Equal(39.8562, a.Latitude);
        Assert.Equal(-104.6737, a.Longitude);
        Assert.Equal(Noon(500 - 5500), a.Time);
        Assert.Equal(Noon(500 - 5500), a.PositionTime);
        Assert.Null(a.Callsign);
    }

    [Fact]
    public void Non_icao_address_keeps_its_tilde_and_position_time_falls_back_to_seen()
    {
        var a = ParseReadsb(Readsb).Aircraft[3];

        Assert.Equal("~2501fa", a.Icao);
        Assert.Equal("tisb_other", a.SourceType);
        Assert.True(a.Spi);                             // spi true
        Assert.Equal(4500, a.BarometricAltitudeFeet);
        Assert.Equal(Noon(500 - 2000), a.Time);         // seen 2
        Assert.Equal(Noon(500 - 2000), a.PositionTime); // no seen_pos: now − seen
    }

    [Fact]
    public void Military_db_flag_bit_zero_sets_is_military_and_emergency_is_kept()
    {
        var a = ParseReadsb(Readsb).Aircraft[4];

        Assert.Equal("ae01c5", a.Icao);
        Assert.True(a.IsMilitary);                      // dbFlags 9 = 0b1001, bit 0 set
        Assert.Equal("JAKE21", a.Callsign);
        Assert.Equal("64-14846", a.Registration);
        Assert.Equal("R135", a.TypeCode);
        Assert.Equal("7700", a.Squawk);
        Assert.Equal("general", a.Emergency);
        Assert.Equal(27.0, a.Latitude);
        Assert.Equal(-111.5, a.Longitude);
        Assert.Equal(Noon(500), a.Time);                // seen 0
        Assert.Equal(Noon(500), a.PositionTime);        // seen_pos 0
    }

    [Fact]
    public void Entry_without_position_has_no_position_time_even_with_seen_pos_and_blank_flight_is_null()
    {
        var a = ParseReadsb(Readsb).Aircraft[5];

        Assert.Equal("e48df6", a.Icao);
        Assert.Null(a.Latitude);
        Assert.Null(a.Longitude);
        Assert.Null(a.PositionTime);
        Assert.Null(a.Callsign);                        // "        " trims to empty
        Assert.Equal("mode_s", a.SourceType);
        Assert.Equal(8000, a.BarometricAltitudeFeet);
        Assert.Equal(Noon(500 - 12300), a.Time);        // seen 12.3
    }

    [Fact]
    public void Entry_with_only_hex_is_seen_now_and_everything_else_is_unknown()
    {
        var a = ParseReadsb(Readsb).Aircraft[6];

        Assert.Equal(new AircraftObservation { Icao = "48418c", Time = Noon(500) }, a);
        Assert.Null(a.OnGround);
    }

    [Fact]
    public void Adsb_exchange_v2_uses_ac_and_millisecond_now_even_when_ac_comes_first()
    {
        var result = ParseReadsb(AdsbExchange);

        // now = 1732363200500 ms = 12:00:00.500, not year 56,000-something
        Assert.Equal(Noon(500), result.Now);
        Assert.Equal(0, result.Malformed);
        Assert.Equal(2, result.Aircraft.Count);

        var jet = result.Aircraft[0];
        Assert.Equal("a835af", jet.Icao);
        Assert.Equal("N651QS", jet.Callsign);
        Assert.Equal("N651QS", jet.Registration);
        Assert.Equal("C68A", jet.TypeCode);
        Assert.Equal(41000, jet.BarometricAltitudeFeet);
        Assert.Equal(41775, jet.GeometricAltitudeFeet);
        Assert.Equal(431.1, jet.GroundSpeedKnots);
        Assert.Equal(262.07, jet.TrackDegrees);
        Assert.Equal(0, jet.VerticalRateFeetPerMinute);
        Assert.Equal("5521", jet.Squawk);
        Assert.Equal("A2", jet.Category);
        Assert.Equal(38.123456, jet.Latitude);
        Assert.Equal(-98.654321, jet.Longitude);
        Assert.Equal(Noon(500 - 100), jet.Time);         // seen 0.1
        Assert.Equal(Noon(500 - 600), jet.PositionTime); // seen_pos 0.6
        Assert.False(jet.IsMilitary);

        var lifter = result.Aircraft[1];
        Assert.Equal("ae5420", lifter.Icao);
        Assert.True(lifter.IsMilitary);                     // dbFlags 1
        Assert.True(lifter.OnGround);
        Assert.Null(lifter.BarometricAltitudeFeet);
        Assert.Equal(0.0, lifter.GroundSpeedKnots);
        Assert.Equal(Noon(500 - 20250), lifter.PositionTime); // seen_pos 20.25 = 11:59:40.250
    }

    [Fact]
    public void Adsb_exchange_document_with_now_first_parses_the_same()
    {
        const string json = """{"now":1732363200500,"ac":[{"hex":"a835af","seen":1.5}]}""";

        var result = ParseReadsb(json);

        Assert.Equal(Noon(500), result.Now);
        Assert.Equal(Noon(500 - 1500), Assert.Single(result.Aircraft).Time);
    }

    [Fact]
    public void Adsb_exchange_null_ac_means_no_aircraft()
    {
        var result = ParseReadsb("""{"ac":null,"msg":"No error","now":1732363200000,"total":0}""");

        Assert.Equal(Noon(0), result.Now);
        Assert.Empty(result.Aircraft);
        Assert.Equal(0, result.Malformed);
    }

    [Fact]
    public void Dump1090_mutability_names_are_accepted_when_the_new_ones_are_absent()
    {
        var result = ParseReadsb(Dump1090Mutability);

        Assert.Equal(Noon(0), result.Now);
        Assert.Equal(3, result.Aircraft.Count);

        var a = result.Aircraft[0];
        Assert.Equal("4ca7b2", a.Icao);
        Assert.Equal("RYR12AB", a.Callsign);
        Assert.Equal(24000, a.BarometricAltitudeFeet);   // altitude
        Assert.False(a.OnGround);
        Assert.Equal(388.0, a.GroundSpeedKnots);         // speed
        Assert.Equal(1472, a.VerticalRateFeetPerMinute); // vert_rate
        Assert.Equal(45.0, a.TrackDegrees);
        Assert.Equal("2000", a.Squawk);
        Assert.Equal(Noon(-300), a.Time);                // seen 0.3 before 12:00:00
        Assert.Equal(Noon(-800), a.PositionTime);        // seen_pos 0.8
        Assert.Null(a.SourceType);                       // no type, empty mlat list

        var ground = result.Aircraft[1];
        Assert.True(ground.OnGround);                    // altitude "ground"
        Assert.Null(ground.BarometricAltitudeFeet);
        Assert.Equal(3.0, ground.GroundSpeedKnots);
        Assert.Null(ground.PositionTime);

        Assert.Equal("mlat", result.Aircraft[2].SourceType);
    }

    [Fact]
    public void New_field_names_win_over_dump1090_mutability_names_in_either_order()
    {
        const string json = """
            {"now": 1732363200, "aircraft": [
              {"hex":"c07f3a","altitude":9000,"alt_baro":9100,"speed":200,"gs":210,"vert_rate":100,"geom_rate":200,"baro_rate":300},
              {"hex":"c07f3b","alt_baro":"ground","altitude":9000,"gs":5,"speed":200,"vert_rate":100,"geom_rate":200}
            ]}
            """;

        var result = ParseReadsb(json);

        var first = result.Aircraft[0];
        Assert.Equal(9100, first.BarometricAltitudeFeet);
        Assert.Equal(210.0, first.GroundSpeedKnots);
        Assert.Equal(300, first.VerticalRateFeetPerMinute);

        var second = result.Aircraft[1];
        Assert.True(second.OnGround);
        Assert.Null(second.BarometricAltitudeFeet);
        Assert.Equal(5.0, second.GroundSpeedKnots);
        Assert.Equal(200, second.VerticalRateFeetPerMinute); // geom_rate before vert_rate
    }

    [Fact]
    public void Explicit_type_wins_over_the_mlat_field_list_and_only_mlat_lat_implies_a_source()
    {
        const string json = """
            {"now": 1732363200, "aircraft": [
              {"hex":"c07f3a","type":"adsb_icao","lat":1,"lon":2,"mlat":["lat","lon"]},
              {"hex":"c07f3b","lat":1,"lon":2,"tisb":["lat","lon"]},
              {"hex":"c07f3c","lat":1,"lon":2,"mlat":["gs"],"tisb":["track"]},
              {"hex":"c07f3d","type":"some_future_type"}
            ]}
            """;

        var types = ParseReadsb(json).Aircraft.Select(a => a.SourceType);

        Assert.Equal(["adsb_icao", null, null, "some_future_type"], types);
    }

    [Fact]
    public void Unknown_emergency_value_is_dropped_without_skipping_the_entry()
    {
        var a = Assert.Single(ParseReadsb("""{"now":1732363200,"aircraft":[{"hex":"c07f3a","emergency":"panic"}]}""").Aircraft);

        Assert.Null(a.Emergency);
    }

    [Fact]
    public void Escaped_strings_and_property_names_are_unescaped()
    {
        const string json = """
            {"now":1732363200,"aircraft":[{"\u0068ex":"\u0061e01c5","flight":"JAKE\u0032\u0031  ","squawk":"\u0037700","category":"\u00413"}]}
            """;

        var a = Assert.Single(ParseReadsb(json).Aircraft);

        Assert.Equal("ae01c5", a.Icao);
        Assert.Equal("JAKE21", a.Callsign);
        Assert.Equal("7700", a.Squawk);
        Assert.Equal("A3", a.Category);
    }

    [Fact]
    public void Repeated_addresses_and_squawks_share_string_instances()
    {
        var result = ParseReadsb("""{"now":1732363200,"aircraft":[{"hex":"ae01c5","squawk":"7700"},{"hex":"AE01C5","squawk":"7700"}]}""");

        Assert.Same(result.Aircraft[0].Icao, result.Aircraft[1].Icao);
        Assert.Same(result.Aircraft[0].Squawk, result.Aircraft[1].Squawk);
    }

    [Fact]
    public void Leading_utf8_byte_order_mark_is_ignored()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Utf8("""{"now":1732363200,"aircraft":[{"hex":"ae01c5"}]}""")];

        Assert.True(ReadsbJsonParser.TryParse(json, out var result, out var error), error);
        Assert.Equal("ae01c5", Assert.Single(result.Aircraft).Icao);
    }
}
