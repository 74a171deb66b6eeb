using System.Globalization;
using System.Text;
using static LiveTrack.Adsb.Tests.SbsFixtures;

namespace LiveTrack.Adsb.Tests;

public class SbsParserTests
{
    [Fact]
    public void Identification_line_yields_trimmed_callsign_and_nothing_else()
    {
        var m = ParseMessage(Identification);

        Assert.Equal(SbsTransmissionType.Identification, m.Type);
        Assert.Equal("4ca7b2", m.Icao);
        Assert.False(m.IsMlat);
        Assert.Equal("EIN6TK", m.Callsign);
        Assert.Equal(Utc(9, 15, 2, 117), m.GeneratedAt);
        Assert.Equal(Utc(9, 15, 2, 141), m.LoggedAt);
        Assert.Equal(TimeSpan.Zero, m.GeneratedAt!.Value.Offset);
        Assert.Null(m.AltitudeFeet);
        Assert.False(m.HasPosition);
        Assert.Null(m.Squawk);
        Assert.Null(m.SquawkChangeAlert);
        Assert.False(m.OnGround);
    }

    [Fact]
    public void Surface_position_line_yields_speed_track_position_and_on_ground()
    {
        var m = ParseMessage(SurfacePosition);

        Assert.Equal(SbsTransmissionType.SurfacePosition, m.Type);
        Assert.Equal("3c6dd4", m.Icao);
        Assert.Equal(0, m.AltitudeFeet);
        Assert.Equal(12.5, m.GroundSpeedKnots);
        Assert.Equal(271.4, m.TrackDegrees);
        Assert.Equal(50.03412, m.Latitude);
        Assert.Equal(8.55870, m.Longitude);
        Assert.True(m.OnGround);
        Assert.Null(m.Emergency);
    }

    [Fact]
    public void Airborne_position_line_yields_latitude_longitude_and_altitude()
    {
        var m = ParseMessage(AirbornePosition);

        Assert.Equal(SbsTransmissionType.AirbornePosition, m.Type);
        Assert.Equal("a1b2c3", m.Icao);
        Assert.Equal(36975, m.AltitudeFeet);
        Assert.Equal(39.85621, m.Latitude);
        Assert.Equal(-104.67370, m.Longitude);
        Assert.True(m.HasPosition);
        Assert.Null(m.GroundSpeedKnots);
        Assert.Null(m.Callsign);
        Assert.False(m.SquawkChangeAlert);
        Assert.False(m.Emergency);
        Assert.False(m.Spi);
        Assert.False(m.OnGround);
    }

    [Fact]
    public void Airborne_velocity_line_yields_speed_track_and_negative_vertical_rate()
    {
        var m = ParseMessage(AirborneVelocity);

        Assert.Equal(SbsTransmissionType.AirborneVelocity, m.Type);
        Assert.Equal(458.3, m.GroundSpeedKnots);
        Assert.Equal(87.2, m.TrackDegrees);
        Assert.Equal(-1344, m.VerticalRateFeetPerMinute);
        Assert.Null(m.AltitudeFeet);
        Assert.False(m.HasPosition);
        Assert.Null(m.OnGround);
    }

    [Fact]
    public void Surveillance_altitude_line_yields_altitude_and_flags_with_an_empty_emergency()
    {
        var m = ParseMessage(SurveillanceAltitude);

        Assert.Equal(SbsTransmissionType.SurveillanceAltitude, m.Type);
        Assert.Equal(38000, m.AltitudeFeet);
        Assert.False(m.SquawkChangeAlert);
        Assert.Null(m.Emergency);
        Assert.False(m.Spi);
        Assert.False(m.OnGround);
    }

    [Fact]
    public void Surveillance_identity_line_yields_squawk_and_true_alert_and_emergency()
    {
        var m = ParseMessage(SurveillanceIdentity);

        Assert.Equal(SbsTransmissionType.SurveillanceIdentity, m.Type);
        Assert.Equal("0d0a5e", m.Icao);
        Assert.Equal(24000, m.AltitudeFeet);
        Assert.Equal("7700", m.Squawk);
        Assert.True(m.SquawkChangeAlert);
        Assert.True(m.Emergency);
        Assert.False(m.Spi);
    }

    [Fact]
    public void Air_to_air_line_yields_altitude()
    {
        var m = ParseMessage(AirToAir);

        Assert.Equal(SbsTransmissionType.AirToAir, m.Type);
        Assert.Equal("c07f3a", m.Icao);
        Assert.Equal(12500, m.AltitudeFeet);
        Assert.False(m.OnGround);
        Assert.Null(m.Squawk);
    }

    [Fact]
    public void All_call_reply_line_yields_only_the_on_ground_flag()
    {
        var m = ParseMessage(AllCallReply);

        Assert.Equal(SbsTransmissionType.AllCallReply, m.Type);
        Assert.True(m.OnGround);
        Assert.Null(m.AltitudeFeet);
        Assert.Null(m.Callsign);
        Assert.Null(m.SquawkChangeAlert);
        Assert.Null(m.Emergency);
        Assert.Null(m.Spi);
    }

    [Fact]
    public void Line_with_every_field_fills_every_property()
    {
        var m = ParseMessage(AllFields);

        Assert.Equal(
            new SbsMessage(
                SbsTransmissionType.AirbornePosition, "4840d6", false, Utc(9, 15, 4, 250), Utc(9, 15, 4, 262),
                "KLM1023", 36975, 452.5, 87.3, 39.85621, -104.67370, -64, "1203", false, false, false, false),
            m);
    }

    [Fact]
    public void Mlat_prefix_marks_the_message_as_multilateration()
    {
        var m = ParseMessage(AirbornePosition.Replace("MSG,", "MLAT,", StringComparison.Ordinal));

        Assert.True(m.IsMlat);
        Assert.Equal(SbsTransmissionType.AirbornePosition, m.Type);
        Assert.Equal(39.85621, m.Latitude);
    }

    [Fact]
    public void Non_icao_tilde_address_is_kept_with_its_tilde()
    {
        var m = ParseMessage(WithField(5, "~2A01F7"));
        Assert.Equal("~2a01f7", m.Icao);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\r\n\r\n")]
    public void Trailing_line_terminators_are_ignored(string terminator)
    {
        var plain = ParseMessage(AllFields);
        var terminated = ParseMessage(AllFields + terminator);

        Assert.Equal(plain, terminated);
        Assert.False(terminated.OnGround);
    }

    [Fact]
    public void Terminator_after_an_empty_last_field_leaves_it_empty()
    {
        var m = ParseMessage(AirborneVelocity + "\r\n");
        Assert.Null(m.OnGround);
        Assert.Equal(-1344, m.VerticalRateFeetPerMinute);
    }

    [Fact]
    public void Extra_trailing_fields_are_ignored()
    {
        var m = ParseMessage(AllFields + ",17,,extra stuff,-1");
        Assert.Equal(ParseMessage(AllFields), m);
    }

    [Fact]
    public void Line_ending_after_the_time_logged_gives_null_for_the_rest()
    {
        var m = ParseMessage("MSG,3,1,1,A1B2C3,1,2026/03/14,09:15:04.250,2026/03/14,09:15:04.262");

        Assert.Equal("a1b2c3", m.Icao);
        Assert.Equal(Utc(9, 15, 4, 262), m.LoggedAt);
        Assert.Null(m.Callsign);
        Assert.Null(m.AltitudeFeet);
        Assert.False(m.HasPosition);
        Assert.Null(m.OnGround);
    }

    [Fact]
    public void Line_ending_after_the_hex_ident_is_a_message_without_data()
    {
        var m = ParseMessage("MSG,8,1,1,C07F3A");

        Assert.Equal(SbsTransmissionType.AllCallReply, m.Type);
        Assert.Equal("c07f3a", m.Icao);
        Assert.Null(m.GeneratedAt);
        Assert.Null(m.LoggedAt);
        Assert.Null(m.OnGround);
    }

    [Fact]
    public void Line_ending_after_the_squawk_keeps_the_squawk()
    {
        var m = ParseMessage("MSG,6,1,1,0D0A5E,1,,,,,,24000,,,,,,1200");
        Assert.Equal("1200", m.Squawk);
        Assert.Null(m.SquawkChangeAlert);
    }

    [Fact]
    public void Empty_dates_and_times_give_null_timestamps()
    {
        var m = ParseMessage(WithField(WithField(9, ""), 8, ""));

        Assert.Null(m.GeneratedAt);
        Assert.Null(m.LoggedAt);
        Assert.Equal(36975, m.AltitudeFeet);
    }

    [Theory]
    [InlineData("09:15:04", 0L)]
    [InlineData("09:15:04.", 0L)]
    [InlineData("09:15:04.2", 2_000_000L)]
    [InlineData("09:15:04.25", 2_500_000L)]
    [InlineData("09:15:04.250", 2_500_000L)]
    [InlineData("09:15:04.1234567", 1_234_567L)]
    [InlineData("09:15:04.123456789", 1_234_567L)]
    public void Time_fraction_may_have_zero_to_nine_digits(string time, long fractionTicks)
    {
        var m = ParseMessage(WithField(8, time));
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 15, 4, TimeSpan.Zero).AddTicks(fractionTicks), m.GeneratedAt);
    }

    [Fact]
    public void Leap_day_and_end_of_day_are_valid_timestamps()
    {
        var m = ParseMessage(WithField(WithField(7, "2028/02/29"), 8, "23:59:59.999"));
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 23, 59, 59, 999, TimeSpan.Zero), m.GeneratedAt);
    }

    [Theory]
    [InlineData("36975.4", 36975)]
    [InlineData("36975.5", 36976)]
    [InlineData("-36.5", -37)]
    [InlineData(" 1200 ", 1200)]
    [InlineData("+250", 250)]
    [InlineData("-2000", -2000)]
    [InlineData("200000", 200000)]
    public void Altitude_accepts_decimals_and_rounds_them(string text, int expected) =>
        Assert.Equal(expected, ParseMessage(WithField(12, text)).AltitudeFeet);

    [Theory]
    [InlineData("-64.4", -64)]
    [InlineData("-64.5", -65)]
    [InlineData("3200.5", 3201)]
    [InlineData(" -1344 ", -1344)]
    public void Vertical_rate_accepts_decimals_and_rounds_them(string text, int expected) =>
        Assert.Equal(expected, ParseMessage(WithField(17, text)).VerticalRateFeetPerMinute);

    [Fact]
    public void Numeric_fields_tolerate_surrounding_spaces()
    {
        var line = WithField(WithField(WithField(WithField(13, " 452.5"), 14, "87.3 "), 15, "  39.85621 "), 16, " -104.6737");
        var m = ParseMessage(line);

        Assert.Equal(452.5, m.GroundSpeedKnots);
        Assert.Equal(87.3, m.TrackDegrees);
        Assert.Equal(39.85621, m.Latitude);
        Assert.Equal(-104.6737, m.Longitude);
    }

    [Theory]
    [InlineData("90", "180")]
    [InlineData("-90", "-180")]
    [InlineData("0", "0")]
    public void Coordinates_on_the_boundary_are_accepted(string latitude, string longitude)
    {
        var m = ParseMessage(WithField(WithField(15, latitude), 16, longitude));
        Assert.Equal(double.Parse(latitude, System.Globalization.CultureInfo.InvariantCulture), m.Latitude);
        Assert.Equal(double.Parse(longitude, System.Globalization.CultureInfo.InvariantCulture), m.Longitude);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-1", true)]
    [InlineData("1", true)]
    [InlineData(" -1 ", true)]
    public void Flags_accept_zero_minus_one_and_one(string text, bool expected)
    {
        var m = ParseMessage(WithField(20, text));
        Assert.Equal(expected, m.Emergency);
    }

    [Fact]
    public void Blank_callsign_and_fields_of_spaces_are_null()
    {
        var m = ParseMessage(WithField(WithField(11, "        "), 12, "   "));
        Assert.Null(m.Callsign);
        Assert.Null(m.AltitudeFeet);
    }

    [Fact]
    public void Squawk_keeps_its_leading_zeros_and_is_interned()
    {
        var first = ParseMessage(WithField(18, "0020"));
        var second = ParseMessage(WithField(18, "0020"));

        Assert.Equal("0020", first.Squawk);
        Assert.Same(first.Squawk, second.Squawk);
    }

    [Fact]
    public void Same_icao_on_consecutive_lines_is_the_same_string_instance()
    {
        var first = ParseMessage(AirbornePosition);
        var second = ParseMessage(AirborneVelocity);
        Assert.Same(first.Icao, second.Icao);
    }

    [Theory]
    [InlineData("SEL,,1,1,4CA7B2,1,2026/03/14,09:20:00.000,2026/03/14,09:20:00.000,EIN6TK")]
    [InlineData("ID,,1,1,4CA7B2,1,2026/03/14,09:20:00.000,2026/03/14,09:20:00.000,EIN6TK")]
    [InlineData("AIR,,1,1,4CA7B2,1,2026/03/14,09:20:00.000,2026/03/14,09:20:00.000")]
    [InlineData("STA,,1,1,4CA7B2,1,2026/03/14,09:20:00.000,2026/03/14,09:20:00.000,RM")]
    [InlineData("CLK,,,,,,2026/03/14,09:20:00.000,2026/03/14,09:20:00.000")]
    [InlineData("CLK\r\n")]
    public void Non_message_record_types_are_skipped_without_error(string line)
    {
        var status = Parse(line, out var message, out var error);

        Assert.Equal(SbsParseStatus.Skipped, status);
        Assert.Equal(default, message);
        Assert.Null(error);
    }

    [Fact]
    public void Line_of_exactly_the_maximum_length_is_accepted()
    {
        var padding = SbsParser.MaxLineLength - AllFields.Length - 1;
        var line = AllFields + "," + new string('x', padding);
        Assert.Equal(SbsParser.MaxLineLength, line.Length);

        Assert.Equal(ParseMessage(AllFields), ParseMessage(line + "\r\n"));
    }

    [Fact]
    public void Parsing_a_line_without_callsign_does_not_allocate()
    {
        var bytes = Encoding.ASCII.GetBytes(WithField(11, ""));
        Assert.Equal(SbsParseStatus.Message, SbsParser.TryParse(bytes, out _, out _));
        Assert.Equal(SbsParseStatus.Message, SbsParser.TryParse(Encoding.ASCII.GetString(bytes).AsSpan(), out _, out _));
        var text = Encoding.ASCII.GetString(bytes);

        Assert.Equal(0, AllocationProbe.BytesFor100Calls(() => SbsParser.TryParse(bytes, out _, out _)));
        Assert.Equal(0, AllocationProbe.BytesFor100Calls(() => SbsParser.TryParse(text.AsSpan(), out _, out _)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_decimal_latitude_and_longitude_parses_to_the_same_double_as_the_framework(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var latitude = RandomDecimal(random, 90);
            var longitude = RandomDecimal(random, 180);

            var m = ParseMessage(WithField(WithField(15, latitude), 16, longitude));

            Assert.Equal(double.Parse(latitude, CultureInfo.InvariantCulture), m.Latitude);
            Assert.Equal(double.Parse(longitude, CultureInfo.InvariantCulture), m.Longitude);
        }
    }

    /// <summary>A decimal within ±<paramref name="limit"/> in the spellings feeds use: signs, no integer part, up to 16 decimals.</summary>
    private static string RandomDecimal(Random random, int limit)
    {
        var text = new StringBuilder();
        text.Append(random.Next(4) switch { 0 => "-", 1 => "+", _ => "" });
        var whole = random.Next(limit);
        if (whole != 0 || random.Next(3) != 0)
        {
            text.Append(whole.ToString(CultureInfo.InvariantCulture));
        }

        var decimals = random.Next(17);
        if (decimals > 0 || text.Length == 0 || !char.IsAsciiDigit(text[^1]))
        {
            text.Append('.');
            decimals = Math.Max(decimals, 1);
            for (var d = 0; d < decimals; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }

        return text.ToString();
    }
}
