namespace LiveTrack.ModeS.Tests;

/// <summary>
/// Messages and expected values as published by the open decoders' documentation (The 1090 MHz Riddle, pyModeS,
/// readsb), written here as LiveTrack's own tables.
/// </summary>
public class DecoderVectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int> IntactSquitters => new()
    {
        { "8D4840D6202CC371C32CE0576098", 0x4840d6 },
        { "8D40621D58C382D690C8AC2863A7", 0x40621d },
        { "8D485020994409940838175B284F", 0x485020 },
        { "8DA05F219B06B6AF189400CBC33F", 0xa05f21 },
        { "8D406B902015A678D4D220AA4BDA", 0x406b90 },
    };

    [Theory]
    [MemberData(nameof(IntactSquitters))]
    public void Intact_extended_squitters_have_zero_parity_residue_and_give_their_address(string hex, int address)
    {
        var data = Convert.FromHexString(hex);

        Assert.Equal(0u, Crc24.Residue(data));
        Assert.Equal(ModeSDecodeStatus.Decoded, ModeSDecoder.Decode(data, out var message, out var fromParity));
        Assert.Equal(address, message.Address);
        Assert.False(fromParity);
    }

    [Fact]
    public void A_flipped_bit_is_a_crc_error_and_is_not_corrected()
    {
        var data = Convert.FromHexString("8D4840D6202CC371C32CE0576098");
        data[6] ^= 0x04;

        Assert.Equal(ModeSDecodeStatus.CrcError, ModeSDecoder.Decode(data, out _, out _));
    }

    [Fact]
    public void Identification_gives_the_callsign_and_category()
    {
        ModeSDecoder.Decode(Convert.FromHexString("8D4840D6202CC371C32CE0576098"), out var message, out _);

        Assert.Equal(4, message.TypeCode);
        Assert.Equal("KLM1023", message.Callsign);
        Assert.Equal("A0", message.Category);
    }

    [Fact]
    public void An_airborne_even_odd_pair_decodes_globally_to_the_published_position_and_altitude()
    {
        var receiver = new ModeSReceiver();
        // The odd message first, the even one two seconds later: the even (newest) position is returned.
        Assert.Equal(ModeSDecodeStatus.Decoded, receiver.Decode(Convert.FromHexString("8D40621D58C386435CC412692AD6"), false, T0.UtcTicks, out var odd));
        Assert.False(odd.HasPosition);
        Assert.Equal(38000, odd.BarometricAltitudeFeet);

        receiver.Decode(Convert.FromHexString("8D40621D58C382D690C8AC2863A7"), false, T0.AddSeconds(2).UtcTicks, out var even);

        Assert.Equal(52.2572, even.Latitude!.Value, 4);
        Assert.Equal(3.9194, even.Longitude!.Value, 4);
        Assert.Equal(38000, even.BarometricAltitudeFeet);
        Assert.Equal(1, receiver.Counters.CprGlobal);
    }

    [Fact]
    public void A_pair_further_apart_than_ten_seconds_is_not_decoded_globally()
    {
        var receiver = new ModeSReceiver();
        receiver.Decode(Convert.FromHexString("8D40621D58C386435CC412692AD6"), false, T0.UtcTicks, out _);
        receiver.Decode(Convert.FromHexString("8D40621D58C382D690C8AC2863A7"), false, T0.AddSeconds(11).UtcTicks, out var even);

        Assert.False(even.HasPosition);
    }

    [Fact]
    public void A_single_message_decodes_locally_against_a_reference()
    {
        var (lat, lon) = Cpr.DecodeLocal(93000, 51372, odd: false, surface: false, 52.258, 3.918);

        ModeSDecoder.Decode(Convert.FromHexString("8D40621D58C382D690C8AC2863A7"), out var message, out _);
        Assert.Equal(93000, message.CprLatitude);
        Assert.Equal(51372, message.CprLongitude);
        Assert.Equal(52.2572, lat, 4);
        Assert.Equal(3.9194, lon, 4);
    }

    [Fact]
    public void Velocity_subtype_1_gives_ground_speed_track_and_vertical_rate()
    {
        ModeSDecoder.Decode(Convert.FromHexString("8D485020994409940838175B284F"), out var message, out _);

        Assert.Equal(19, message.TypeCode);
        Assert.Equal(1, message.Subtype);
        Assert.Equal(159.2, message.GroundSpeedKnots!.Value, 1);
        Assert.Equal(182.88, message.TrackDegrees!.Value, 2);
        Assert.Equal(-832, message.VerticalRateFeetPerMinute);
        Assert.True(message.GeometricVerticalRate);
    }

    [Fact]
    public void Velocity_subtype_3_gives_heading_and_true_airspeed()
    {
        ModeSDecoder.Decode(Convert.FromHexString("8DA05F219B06B6AF189400CBC33F"), out var message, out _);

        Assert.Equal(3, message.Subtype);
        Assert.Equal(243.98, message.HeadingDegrees!.Value, 2);
        Assert.Equal(375, message.AirspeedKnots);
        Assert.True(message.TrueAirspeed);
        Assert.Equal(-2304, message.VerticalRateFeetPerMinute);
        Assert.Null(message.GroundSpeedKnots);
    }

    public static TheoryData<string, int> CommBReplies => new()
    {
        { "A0001839CA3800315800007448D9", 0x400940 },
        { "A000139381951536E024D4CCF6B5", 0x3c4dd2 },
        { "A000029CFFBAA11E2004727281F1", 0x4243d0 },
    };

    [Theory]
    [MemberData(nameof(CommBReplies))]
    public void Address_parity_replies_recover_the_address_from_the_parity(string hex, int address)
    {
        Assert.Equal(ModeSDecodeStatus.Decoded, ModeSDecoder.Decode(Convert.FromHexString(hex), out var message, out var fromParity));

        Assert.True(fromParity);
        Assert.Equal(address, message.Address);
    }

    [Fact]
    public void A_df20_altitude_reply_in_25_ft_steps_decodes()
    {
        ModeSDecoder.Decode(Convert.FromHexString("A02014B400000000000000F9D514"), out var message, out _);

        Assert.Equal(20, message.DownlinkFormat);
        Assert.Equal(32300, message.BarometricAltitudeFeet);
    }

    [Fact]
    public void A_df21_identity_reply_gives_the_squawk()
    {
        ModeSDecoder.Decode(Convert.FromHexString("A800292DFFBBA9383FFCEB903D01"), out var message, out _);

        Assert.Equal(21, message.DownlinkFormat);
        Assert.Equal(1346, message.Squawk);
        Assert.False(message.Emergency);
    }

    [Fact]
    public void A_df20_reply_carrying_bds_2_0_gives_the_callsign()
    {
        ModeSDecoder.Decode(Convert.FromHexString("A000083E202CC371C31DE0AA1CCF"), out var message, out _);

        Assert.Equal("KLM1017", message.Callsign);
    }

    [Fact]
    public void A_surface_position_decodes_with_a_receiver_reference()
    {
        var receiver = new ModeSReceiver(new ModeSReceiverOptions { ReceiverLatitude = 51.990, ReceiverLongitude = 4.375 });
        // Surface pair of 484175 (even first, odd two seconds later) near Amsterdam Schiphol.
        receiver.Decode(Convert.FromHexString("8C4841753AAB238733C8CD4020B1"), false, T0.UtcTicks, out var first);
        receiver.Decode(Convert.FromHexString("8C4841753A8A35323FAEBDAC702D"), false, T0.AddSeconds(2).UtcTicks, out var second);

        Assert.True(first.Surface);
        Assert.True(second.OnGround);
        Assert.Equal(52.3206, second.Latitude!.Value, 3);
        Assert.Equal(4.7347, second.Longitude!.Value, 3);
    }
}
