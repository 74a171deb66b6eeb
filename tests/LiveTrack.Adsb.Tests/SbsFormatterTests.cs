using System.Text;

namespace LiveTrack.Adsb.Tests;

public class SbsFormatterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 23, 12, 34, 56, 789, TimeSpan.Zero);

    private static SbsMessage Position() => new(
        SbsTransmissionType.AirbornePosition, "ae01c5", false, Stamp, Stamp, null, 31000, null, null,
        26.12345, -110.54321, null, null, false, false, false, false);

    [Fact]
    public void Airborne_position_is_written_like_readsb()
    {
        Assert.Equal(
            "MSG,3,1,1,ae01c5,1,2026/11/23,12:34:56.789,2026/11/23,12:34:56.789,,31000,,,26.12345,-110.54321,,,0,0,0,0",
            SbsFormatter.Format(Position()));
    }

    [Fact]
    public void Mlat_message_starts_with_mlat_and_true_flags_are_minus_one()
    {
        var message = Position() with { IsMlat = true, Emergency = true, OnGround = null };
        var line = SbsFormatter.Format(message);

        Assert.StartsWith("MLAT,3,1,1,ae01c5,", line, StringComparison.Ordinal);
        Assert.EndsWith(",0,-1,0,", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_is_written_with_its_precision()
    {
        var message = new SbsMessage(
            SbsTransmissionType.AirbornePosition, "~0a0b0c", false, Stamp, null, "UAL12", 1250, 452.46, 7.04,
            1.234567, -0.000004, -1344, "0020", true, false, true, false);

        Assert.Equal(
            "MSG,3,1,1,~0a0b0c,1,2026/11/23,12:34:56.789,,,UAL12,1250,452.5,7.0,1.23457,-0.00000,-1344,0020,-1,0,-1,0",
            SbsFormatter.Format(message));
    }

    [Fact]
    public void Message_with_only_the_required_fields_writes_22_fields()
    {
        var line = SbsFormatter.Format(new SbsMessage { Type = SbsTransmissionType.AllCallReply, Icao = "c07f3a" });

        Assert.Equal("MSG,8,1,1,c07f3a,1,,,,,,,,,,,,,,,,", line);
        Assert.Equal(22, line.Split(',').Length);
    }

    [Fact]
    public void Timestamps_are_converted_to_utc_and_truncated_to_milliseconds()
    {
        var local = new DateTimeOffset(2026, 11, 24, 1, 4, 56, 789, TimeSpan.FromHours(12.5)).AddTicks(9999);
        var line = SbsFormatter.Format(Position() with { GeneratedAt = local, LoggedAt = null });

        Assert.Contains(",1,2026/11/23,12:34:56.789,,,", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFormat_writes_the_same_bytes_as_Format()
    {
        var message = Position() with { Callsign = "AMX437", Squawk = "7500" };
        Span<byte> buffer = stackalloc byte[SbsParser.MaxLineLength];

        Assert.True(SbsFormatter.TryFormat(message, buffer, out var written));
        Assert.Equal(SbsFormatter.Format(message), Encoding.UTF8.GetString(buffer[..written]));
    }

    [Fact]
    public void TryFormat_fails_cleanly_for_every_too_small_destination()
    {
        var message = Position() with { Callsign = "AMX437", GroundSpeedKnots = 310.2, Squawk = "2000" };
        var expected = SbsFormatter.Format(message);

        for (var size = 0; size < expected.Length; size++)
        {
            var buffer = new byte[size];
            Assert.False(SbsFormatter.TryFormat(message, buffer, out var written), $"size {size}");
            Assert.Equal(0, written);
        }

        var exact = new byte[expected.Length];
        Assert.True(SbsFormatter.TryFormat(message, exact, out var exactWritten));
        Assert.Equal(expected.Length, exactWritten);
    }

    [Fact]
    public void Huge_numbers_still_format_into_a_string()
    {
        var line = SbsFormatter.Format(Position() with { GroundSpeedKnots = 1e300 });

        Assert.True(line.Length > 300);
        Assert.Equal(22, line.Split(',').Length);
    }

    [Fact]
    public void TryFormat_does_not_allocate()
    {
        var message = Position() with
        {
            Callsign = "AMX437", GroundSpeedKnots = 310.2, TrackDegrees = 12.5, VerticalRateFeetPerMinute = -640,
            Squawk = "2000", Emergency = true,
        };
        var buffer = new byte[SbsParser.MaxLineLength];
        Assert.True(SbsFormatter.TryFormat(message, buffer, out _));

        Assert.Equal(0, AllocationProbe.BytesFor100Calls(() => SbsFormatter.TryFormat(message, buffer, out _)));

        // The probe does see allocations: Format returns a new string every time.
        Assert.True(AllocationProbe.BytesFor100Calls(() => SbsFormatter.Format(message)) >= 100 * message.Icao.Length);
    }

    public static TheoryData<SbsMessage> InvalidMessages => new()
    {
        default(SbsMessage),
        new SbsMessage { Type = SbsTransmissionType.AirbornePosition },
        new SbsMessage { Type = SbsTransmissionType.AirbornePosition, Icao = "AE01C5" },
        new SbsMessage { Type = (SbsTransmissionType)9, Icao = "ae01c5" },
        new SbsMessage { Type = SbsTransmissionType.Identification, Icao = "ae01c5", Callsign = "AB,C" },
        new SbsMessage { Type = SbsTransmissionType.Identification, Icao = "ae01c5", Callsign = "ÄBC" },
        new SbsMessage { Type = SbsTransmissionType.Identification, Icao = "ae01c5", Callsign = "AB\nC" },
        new SbsMessage { Type = SbsTransmissionType.SurveillanceIdentity, Icao = "ae01c5", Squawk = "7800" },
        new SbsMessage { Type = SbsTransmissionType.SurveillanceIdentity, Icao = "ae01c5", Squawk = "770" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public void Structurally_invalid_message_is_rejected_instead_of_writing_a_broken_line(SbsMessage message)
    {
        Assert.Throws<ArgumentException>(() => SbsFormatter.Format(message));
        Assert.Throws<ArgumentException>(() => SbsFormatter.TryFormat(message, new byte[SbsParser.MaxLineLength], out _));
    }

    [Fact]
    public void Every_fixture_line_survives_parse_format_parse()
    {
        foreach (var line in SbsFixtures.ValidLines)
        {
            var parsed = SbsFixtures.ParseMessage(line);
            var reparsed = SbsFixtures.ParseMessage(SbsFormatter.Format(parsed));

            // The fixtures use millisecond timestamps and the written precision, except for the 9-digit-free ones.
            Assert.Equal(parsed, reparsed);
        }
    }

    [Fact]
    public void Random_messages_round_trip_through_format_and_parse()
    {
        var random = new Random(4242);
        for (var i = 0; i < 3000; i++)
        {
            var message = RandomMessage(random);
            var line = SbsFormatter.Format(message);

            var status = SbsParser.TryParse(Encoding.UTF8.GetBytes(line), out var parsed, out var error);

            Assert.True(status == SbsParseStatus.Message, $"{line}: {status} {error}");
            Assert.Equal(message, parsed);
        }
    }

    /// <summary>A message whose values are already at the formatter's written precision.</summary>
    internal static SbsMessage RandomMessage(Random random)
    {
        T? Maybe<T>(Func<T> value)
            where T : struct => random.Next(3) == 0 ? null : value();

        string? MaybeText(Func<string> value) => random.Next(3) == 0 ? null : value();

        var address = random.Next(1 << 24).ToString("x6", System.Globalization.CultureInfo.InvariantCulture);
        var stamp = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddMilliseconds(random.NextInt64(0, 20L * 365 * 24 * 3600 * 1000));
        var hasPosition = random.Next(2) == 0;
        const string callsignChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        return new SbsMessage(
            (SbsTransmissionType)random.Next(1, 9),
            random.Next(10) == 0 ? "~" + address : address,
            random.Next(4) == 0,
            Maybe(() => stamp),
            Maybe(() => stamp.AddMilliseconds(random.Next(0, 500))),
            MaybeText(() => new string(Enumerable.Range(0, random.Next(1, 9))
                .Select(_ => callsignChars[random.Next(callsignChars.Length)]).ToArray())),
            Maybe(() => random.Next(-2000, 200_001)),
            Maybe(() => random.Next(0, 7000) / 10.0),
            Maybe(() => random.Next(0, 3601) / 10.0),
            hasPosition ? random.Next(-9_000_000, 9_000_001) / 100_000.0 : null,
            hasPosition ? random.Next(-18_000_000, 18_000_001) / 100_000.0 : null,
            Maybe(() => random.Next(-8000, 8001)),
            MaybeText(() => Convert.ToString(random.Next(0, 4096), 8).PadLeft(4, '0')),
            Maybe(() => random.Next(2) == 0),
            Maybe(() => random.Next(2) == 0),
            Maybe(() => random.Next(2) == 0),
            Maybe(() => random.Next(2) == 0));
    }
}
