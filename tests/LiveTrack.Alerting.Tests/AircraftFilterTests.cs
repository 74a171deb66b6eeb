using static LiveTrack.Alerting.Tests.TestData;

namespace LiveTrack.Alerting.Tests;

public class AircraftFilterTests
{
    private static AircraftFilter Filter(string filterJson) =>
        ParseValid("{\"id\":\"r1\",\"trigger\":{\"kind\":\"emergency\"},\"filter\":" + Json(filterJson) + "}").Filter;

    [Fact]
    public void No_criteria_match_every_aircraft_and_a_missing_one()
    {
        Assert.True(AircraftFilter.Any.Matches(Aircraft()));
        Assert.True(AircraftFilter.Any.Matches(new AircraftSnapshot { Icao = "~000001" }));
        Assert.True(AircraftFilter.Any.Matches(null));
        Assert.True(new AircraftFilter { ExcludeSources = new HashSet<PositionSource>() }.Matches(null));
    }

    [Fact]
    public void A_missing_aircraft_fails_any_criterion()
    {
        Assert.False(Filter("{'military':true}").Matches(null));
        Assert.False(Filter("{'excludeSources':['Mlat']}").Matches(null));
    }

    [Theory]
    [InlineData("ae01c5", true)]
    [InlineData("AE01C5", true)]
    [InlineData("ae01c6", false)]
    [InlineData("ad0000", true)]
    [InlineData("adffff", true)]
    [InlineData("ae0000", false)]
    [InlineData("acffff", false)]
    [InlineData("~1a2b3c", true)]
    [InlineData("1a2b3c", false)]
    [InlineData("~ad1234", false)]
    [InlineData("~1a2b3d", false)]
    [InlineData("garbage", false)]
    public void Icao_matches_listed_addresses_ranges_and_non_icao_addresses(string icao, bool matches)
    {
        var filter = Filter("{'icao':['ae01c5','ad0000-adffff','~1a2b3c']}");

        Assert.Equal(matches, filter.Matches(Aircraft(icao)));
    }

    [Theory]
    [InlineData("JAKE21", true)]
    [InlineData("jake7", true)]
    [InlineData(" JAKE21 ", true)]
    [InlineData("JAKE", false)]
    [InlineData("XJAKE21", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void Callsign_matches_the_pattern_and_an_unknown_callsign_does_not(string? callsign, bool matches)
    {
        Assert.Equal(matches, Filter("{'callsign':'^JAKE\\\\d+$'}").Matches(Aircraft(callsign: callsign)));
    }

    [Fact]
    public void A_pattern_with_nested_quantifiers_gives_the_right_answer_on_a_long_callsign()
    {
        // A backtracking engine tries the nested quantifiers' 2^40 ways to split the A's before reaching the second
        // alternative, so it would hit the match timeout and call this a non-match. The pattern does match.
        var filter = Filter("{'callsign':'^((A+)+C|.*!)$'}");

        Assert.True(filter.Matches(Aircraft(callsign: new string('A', 40) + "!")));
        Assert.True(filter.Matches(Aircraft(callsign: "AAC")));
        Assert.False(filter.Matches(Aircraft(callsign: new string('A', 40) + "?")));
    }

    [Theory]
    [InlineData("^(?!JAKE)")]
    [InlineData("(?<=X)JAKE")]
    [InlineData("^(A)\\\\1$")]
    [InlineData("(?>A+)B")]
    public void A_pattern_that_needs_backtracking_is_refused_naming_the_field(string pattern)
    {
        var result = AlertRuleParser.Parse(Json("{'id':'r1','trigger':{'kind':'emergency'},'filter':{'callsign':'" + pattern + "'}}"), Context());

        var error = Assert.Single(result.Errors);
        Assert.Equal("filter.callsign", error.Field);
        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("62-4138", "R135", true)]
    [InlineData("N12345", "r135", true)]
    [InlineData("n12345", "C17", false)]
    [InlineData("N99999", "R135", false)]
    [InlineData(null, "R135", false)]
    [InlineData("N12345", null, false)]
    public void Registrations_and_type_codes_match_in_any_case_and_unknown_values_do_not(string? registration, string? typeCode, bool matches)
    {
        var filter = Filter("{'registrations':['62-4138','N12345'],'typeCodes':['R135','K35R']}");

        Assert.Equal(matches, filter.Matches(Aircraft() with { Registration = registration, TypeCode = typeCode }));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Military_matches_the_flag_and_an_unknown_flag_does_not(bool? military, bool matches)
    {
        Assert.Equal(matches, Filter("{'military':true}").Matches(Aircraft() with { Military = military }));
    }

    [Theory]
    [InlineData(1000, null, true)]
    [InlineData(10000, null, true)]
    [InlineData(10001, null, false)]
    [InlineData(999, 5000, false)]
    [InlineData(null, 5000, true)]
    [InlineData(null, 12000, false)]
    [InlineData(null, null, false)]
    public void Altitude_uses_barometric_else_geometric_altitude_bounds_included(int? barometric, int? geometric, bool matches)
    {
        var filter = Filter("{'altitudeFeet':{'min':1000,'max':10000}}");

        Assert.Equal(matches, filter.Matches(Aircraft() with { BarometricAltitudeFeet = barometric, GeometricAltitudeFeet = geometric }));
    }

    [Theory]
    [InlineData(100.0, true)]
    [InlineData(480.0, true)]
    [InlineData(99.9, false)]
    [InlineData(null, false)]
    public void Speed_is_ground_speed_with_an_open_upper_bound(double? speed, bool matches)
    {
        Assert.Equal(matches, Filter("{'speedKnots':{'min':100}}").Matches(Aircraft() with { GroundSpeedKnots = speed }));
    }

    [Theory]
    [InlineData(PositionSource.Adsb, true)]
    [InlineData(PositionSource.Mlat, false)]
    [InlineData(PositionSource.Tisb, false)]
    [InlineData(PositionSource.Unknown, false)]
    public void Sources_must_include_and_excluded_sources_must_not_include_the_position_source(PositionSource source, bool matches)
    {
        var filter = Filter("{'sources':['Adsb','Mlat'],'excludeSources':['Mlat']}");

        Assert.Equal(matches, filter.Matches(Aircraft() with { PositionSource = source }));
    }

    [Fact]
    public void Excluded_sources_alone_let_every_other_source_through()
    {
        var filter = Filter("{'excludeSources':['Tisb']}");

        Assert.True(filter.Matches(Aircraft() with { PositionSource = PositionSource.Unknown }));
        Assert.False(filter.Matches(Aircraft() with { PositionSource = PositionSource.Tisb }));
    }

    [Fact]
    public void Every_set_criterion_must_hold()
    {
        var filter = Filter("{'icao':['ae0000-afffff'],'callsign':'^JAKE','military':true,'altitudeFeet':{'max':30000}}");

        Assert.True(filter.Matches(Aircraft()));
        Assert.False(filter.Matches(Aircraft("a00001")));
        Assert.False(filter.Matches(Aircraft(callsign: "RCH123")));
        Assert.False(filter.Matches(Aircraft() with { Military = false }));
        Assert.False(filter.Matches(Aircraft() with { BarometricAltitudeFeet = 31_000 }));
    }

    [Fact]
    public void Number_bands_include_both_bounds_and_open_bounds_are_unlimited()
    {
        Assert.True(new NumberBand(1, 2).Contains(1));
        Assert.True(new NumberBand(1, 2).Contains(2));
        Assert.False(new NumberBand(1, 2).Contains(2.0001));
        Assert.True(new NumberBand(null, 2).Contains(-1e9));
        Assert.True(new NumberBand(1, null).Contains(1e9));
    }

    [Theory]
    [InlineData("ae01c5", "ae01c5")]
    [InlineData("AE0000-AFFFFF", "ae0000-afffff")]
    [InlineData("~1A2B3C", "~1a2b3c")]
    public void Icao_ranges_are_written_in_lower_case(string text, string written)
    {
        Assert.True(IcaoRange.TryParse(text, out var range));
        Assert.Equal(written, range.ToString());
    }
}
