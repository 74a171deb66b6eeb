using System.Text;
using static LiveTrack.Adsb.Tests.SbsFixtures;

namespace LiveTrack.Adsb.Tests;

public class SbsParserMalformedTests
{
    [Theory]
    [InlineData(2, "9", "field 2 (transmission type): '9'")]
    [InlineData(2, "0", "field 2 (transmission type): '0'")]
    [InlineData(2, "33", "field 2 (transmission type): '33'")]
    [InlineData(2, "x", "field 2 (transmission type): 'x'")]
    [InlineData(2, "", "field 2 (transmission type): missing")]
    [InlineData(5, "", "field 5 (hex ident): missing")]
    [InlineData(5, "4840D", "field 5 (hex ident): '4840D'")]
    [InlineData(5, "4840D6A", "field 5 (hex ident): '4840D6A'")]
    [InlineData(5, "4840G6", "field 5 (hex ident): '4840G6'")]
    [InlineData(7, "2026/13/01", "field 7 (date generated): '2026/13/01'")]
    [InlineData(7, "2026/02/30", "field 7 (date generated): '2026/02/30'")]
    [InlineData(7, "2027/02/29", "field 7 (date generated)")]
    [InlineData(7, "0000/01/01", "field 7 (date generated)")]
    [InlineData(7, "14/03/2026", "field 7 (date generated)")]
    [InlineData(7, "2026-03-14", "field 7 (date generated)")]
    [InlineData(8, "24:00:00.000", "field 8 (time generated): '24:00:00.000'")]
    [InlineData(8, "09:60:00.000", "field 8 (time generated)")]
    [InlineData(8, "09:15:60", "field 8 (time generated)")]
    [InlineData(8, "9:15:04.250", "field 8 (time generated)")]
    [InlineData(8, "09:15:04.1234567890", "field 8 (time generated)")]
    [InlineData(8, "09:15:04.25x", "field 8 (time generated)")]
    [InlineData(8, "09:15:04;250", "field 8 (time generated)")]
    [InlineData(9, "2026/3/14", "field 9 (date logged)")]
    [InlineData(10, "noon", "field 10 (time logged): 'noon'")]
    [InlineData(12, "abc", "field 12 (altitude): 'abc' is not a number")]
    [InlineData(12, "NaN", "field 12 (altitude): 'NaN' is not a finite number")]
    [InlineData(12, "250000", "field 12 (altitude): '250000' is outside")]
    [InlineData(12, "-2001", "field 12 (altitude): '-2001' is outside")]
    [InlineData(12, "1e4", "field 12 (altitude): '1e4' is not a number")]
    [InlineData(12, "36 975", "field 12 (altitude)")]
    [InlineData(13, "-0.1", "field 13 (ground speed): '-0.1'")]
    [InlineData(13, "Infinity", "field 13 (ground speed): 'Infinity' is not a finite number")]
    [InlineData(13, "fast", "field 13 (ground speed): 'fast' is not a number")]
    [InlineData(14, "360.1", "field 14 (track): '360.1' is outside")]
    [InlineData(14, "-0.5", "field 14 (track): '-0.5' is outside")]
    [InlineData(14, "-Infinity", "field 14 (track)")]
    [InlineData(15, "abc", "field 15 (latitude): 'abc' is not a number")]
    [InlineData(15, "90.00001", "field 15 (latitude): '90.00001' is outside")]
    [InlineData(15, "-91", "field 15 (latitude): '-91' is outside")]
    [InlineData(15, "NaN", "field 15 (latitude): 'NaN' is not a finite number")]
    [InlineData(16, "180.5", "field 16 (longitude): '180.5' is outside")]
    [InlineData(16, "-180.00001", "field 16 (longitude)")]
    [InlineData(16, "1.2.3", "field 16 (longitude): '1.2.3' is not a number")]
    [InlineData(15, "", "field 15 (latitude): missing")]
    [InlineData(16, "", "field 16 (longitude): missing")]
    [InlineData(17, "climbing", "field 17 (vertical rate): 'climbing' is not a number")]
    [InlineData(17, "5000000", "field 17 (vertical rate)")]
    [InlineData(18, "8000", "field 18 (squawk): '8000'")]
    [InlineData(18, "770", "field 18 (squawk): '770'")]
    [InlineData(18, "77000", "field 18 (squawk): '77000'")]
    [InlineData(18, "ABCD", "field 18 (squawk): 'ABCD'")]
    [InlineData(18, "-700", "field 18 (squawk)")]
    [InlineData(19, "2", "field 19 (alert): '2'")]
    [InlineData(20, "yes", "field 20 (emergency): 'yes'")]
    [InlineData(21, "true", "field 21 (spi): 'true'")]
    [InlineData(22, "-2", "field 22 (is on ground): '-2'")]
    [InlineData(22, "00", "field 22 (is on ground): '00'")]
    public void Invalid_field_value_is_malformed_and_the_error_names_the_field(int field, string value, string expected)
    {
        var error = ParseMalformed(WithField(field, value));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Latitude_without_longitude_on_a_short_line_is_malformed()
    {
        var error = ParseMalformed("MSG,3,1,1,A1B2C3,1,2026/03/14,09:15:04.250,2026/03/14,09:15:04.262,,36975,,,39.85621");
        Assert.StartsWith("field 16 (longitude): missing", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t \t")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Empty_or_blank_line_is_malformed(string line)
    {
        var error = ParseMalformed(line);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FOO,3,1,1,A1B2C3")]
    [InlineData("msg,3,1,1,A1B2C3")]
    [InlineData("MSGX,3,1,1,A1B2C3")]
    [InlineData("3,1,1,A1B2C3,1")]
    [InlineData(",MSG,3,1,1,A1B2C3")]
    public void Unknown_message_type_is_malformed(string line)
    {
        var error = ParseMalformed(line);
        Assert.StartsWith("field 1 (message type)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MSG", "field 2 (transmission type): missing")]
    [InlineData("MSG,3", "field 5 (hex ident): missing")]
    [InlineData("MSG,3,1,1", "field 5 (hex ident): missing")]
    [InlineData("MLAT,3,1,1,\r\n", "field 5 (hex ident): missing")]
    public void Line_without_the_first_five_fields_is_malformed(string line, string expected)
    {
        var error = ParseMalformed(line);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_text_is_quoted_in_the_error_cut_to_32_characters()
    {
        var value = new string('z', 200);
        var error = ParseMalformed(WithField(15, value));

        Assert.StartsWith("field 15 (latitude): '" + new string('z', 32) + "...'", error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('z', 33), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_longer_than_the_maximum_is_malformed()
    {
        var line = AllFields + "," + new string('9', 5000);
        var error = ParseMalformed(line);
        Assert.Equal("line longer than 1024 bytes", error);

        var oneOver = AllFields + "," + new string('x', SbsParser.MaxLineLength - AllFields.Length);
        Assert.Equal(SbsParser.MaxLineLength + 1, oneOver.Length);
        Assert.Equal("line longer than 1024 bytes", ParseMalformed(oneOver + "\n"));
    }

    [Fact]
    public void Multi_byte_utf8_pushing_the_line_over_the_limit_is_too_long()
    {
        // 1000 chars but 2000 bytes: the limit is in bytes.
        var line = "MSG,3,1,1,A1B2C3," + new string('é', 1000);
        Assert.Equal("line longer than 1024 bytes", ParseMalformed(line));
    }

    [Theory]
    [InlineData("ABCDEFGHI")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void A_callsign_longer_than_8_characters_is_malformed(string callsign)
    {
        Assert.StartsWith("field 11 (callsign): ", ParseMalformed(WithField(11, callsign)), StringComparison.Ordinal);
        Assert.Contains("longer than 8 characters", ParseMalformed(WithField(11, callsign)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_callsign_of_8_characters_padded_with_spaces_is_kept()
    {
        var status = SbsParser.TryParse(WithField(11, " RCH8712 "), out var message, out var error);

        Assert.Equal(SbsParseStatus.Message, status);
        Assert.Null(error);
        Assert.Equal("RCH8712", message.Callsign);
    }

    [Theory]
    [InlineData(11, "ÄBC123", "field 11 (callsign)")]
    [InlineData(11, "DLH4€", "field 11 (callsign)")]
    [InlineData(5, "ＡE01C5", "field 5 (hex ident)")]
    [InlineData(3, "ß", "field 3 (session id)")]
    [InlineData(15, "39.8\u00A0", "field 15 (latitude)")]
    public void Non_ascii_text_is_malformed_and_names_the_field(int field, string value, string expected)
    {
        var error = ParseMalformed(WithField(field, value));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Contains("not printable ASCII", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, "\u0001")]
    [InlineData(11, "KLM\t1023")]
    [InlineData(12, "369\u007F75")]
    [InlineData(6, "1\r2")]
    [InlineData(9, "2026/03\n/14")]
    [InlineData(25, "\0")]
    public void Control_character_is_malformed_and_names_the_field(int field, string value)
    {
        var line = field <= 22 ? WithField(field, value) : AllFields + ",,," + value;
        var error = ParseMalformed(line);
        Assert.StartsWith($"field {field} ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_malformed_and_name_the_field()
    {
        var bytes = Encoding.ASCII.GetBytes(WithField(11, "AB__"));
        var at = Array.IndexOf(bytes, (byte)'_');
        bytes[at] = 0xC3; // a lead byte followed by '_' instead of a continuation byte
        bytes[at + 1] = 0xFF;

        var error = ParseMalformed(bytes);
        Assert.StartsWith("field 11 (callsign): contains byte 0xC3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lone_surrogate_in_text_is_malformed_and_names_the_field()
    {
        var line = WithField(11, "AB\uD800C");
        var status = SbsParser.TryParse(line.AsSpan(), out var message, out var error);

        Assert.Equal(SbsParseStatus.Malformed, status);
        Assert.Equal(default, message);
        Assert.StartsWith("field 11 (callsign)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_malformed()
    {
        var random = new Random(20261123);
        var bytes = new byte[300];
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(bytes);
            var length = random.Next(1, bytes.Length);
            var status = SbsParser.TryParse(bytes.AsSpan(0, length), out var message, out var error);

            Assert.Equal(SbsParseStatus.Malformed, status);
            Assert.Equal(default, message);
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void Skipped_record_with_control_characters_is_still_malformed()
    {
        var error = ParseMalformed("STA,,1,1,4CA7B2,1,\u0002");
        Assert.StartsWith("field 7 (date generated)", error, StringComparison.Ordinal);
    }
}
