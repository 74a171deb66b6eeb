namespace LiveTrack.ModeS.Tests;

public class CodeTests
{
    [Theory]
    [InlineData(7700)]
    [InlineData(1200)]
    [InlineData(1234)]
    [InlineData(0)]
    [InlineData(7777)]
    [InlineData(4021)]
    public void Squawks_survive_the_id_field_encoding(int squawk)
    {
        Assert.Equal(squawk, ModeSCodes.Squawk(ModeSCodes.EncodeSquawk(squawk)));
        Assert.Equal(squawk.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), ModeSCodes.SquawkText(squawk));
    }

    [Fact]
    public void The_id_field_interleaves_the_pulses_as_annex_10_lays_them_out()
    {
        // C1 A1 C2 A2 C4 A4 X B1 D1 B2 D2 B4 D4: A4 alone is 4000, D1 alone 0001, C1 alone 0010.
        Assert.Equal(4000, ModeSCodes.Squawk(0b0_0000_0100_0000 << 1));
        Assert.Equal(1, ModeSCodes.Squawk(1 << 4));
        Assert.Equal(10, ModeSCodes.Squawk(1 << 12));
        Assert.Equal(400, ModeSCodes.Squawk(1 << 1));
    }

    [Theory]
    [InlineData(-1000)]
    [InlineData(0)]
    [InlineData(38000)]
    [InlineData(31000)]
    [InlineData(50175)]
    public void Altitudes_in_25_ft_steps_survive_the_12_bit_encoding(int feet)
    {
        Assert.Equal(feet, ModeSCodes.Altitude12(ModeSCodes.EncodeAltitude12(feet)));
    }

    // Gillham codes written pulse by pulse (as the 13-bit AC field C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4, M = Q = 0).
    // The 100-ft group C1 C2 C4 counts 1..5 as 001 011 010 110 100 and runs backwards in odd 500-ft steps.
    [Theory]
    [InlineData("0000100000000", -1200)] // C4: lowest altitude
    [InlineData("0010100000000", -1100)] // C2 C4
    [InlineData("0010000000000", -1000)] // C2
    [InlineData("1010000000000", -900)]  // C1 C2
    [InlineData("1000000000000", -800)]  // C1
    [InlineData("1000000000010", -700)]  // first odd 500-ft step (B4), C1: counts back
    [InlineData("0000100000010", -300)]  // B4, C4: top of the odd step
    [InlineData("0000100001010", -200)]  // B2 B4 (Gray 011 = 2), C4
    [InlineData("0000100000001", 62700)] // D4 (Gray 0100_0000 = 127), C4: odd, counts back
    public void Gillham_codes_decode_in_100_ft_steps(string bits, int feet)
    {
        Assert.Equal(feet, ModeSCodes.Altitude13(Convert.ToInt32(bits, 2)));
    }

    [Fact]
    public void Invalid_gillham_codes_and_metric_altitudes_have_no_altitude()
    {
        Assert.Null(ModeSCodes.Altitude13(0));
        Assert.Null(ModeSCodes.Altitude13(Convert.ToInt32("0000000000001", 2))); // no C pulse
        Assert.Null(ModeSCodes.Altitude13(Convert.ToInt32("0000001000000", 2) | 0x100)); // M bit set
    }

    [Fact]
    public void Aircraft_status_gives_the_emergency_state_and_squawk()
    {
        var data = new byte[14];
        ModeSEncoder.AircraftStatus(data, 0xae01c5, 7700, emergencyState: 1);

        Assert.Equal(ModeSDecodeStatus.Decoded, ModeSDecoder.Decode(data, out var message, out _));
        Assert.Equal(28, message.TypeCode);
        Assert.Equal(1, message.EmergencyState);
        Assert.Equal(7700, message.Squawk);
        Assert.True(message.Emergency);
    }

    [Fact]
    public void Target_state_and_status_gives_selected_altitude_heading_and_pressure_setting()
    {
        // TC 29 subtype 1: selected altitude 30016 ft (939 * 32 + 32), QNH 1012.8 hPa, heading 90°, autopilot on.
        ulong me = (29UL << 51) | (1UL << 49) | (939UL << 36) | (267UL << 27) | (1UL << 26) | (128UL << 17) | (1UL << 9) | (1UL << 8);
        var data = Squitter(0x4840d6, me);

        ModeSDecoder.Decode(data, out var message, out _);

        Assert.Equal(29, message.TypeCode);
        Assert.Equal(30016, message.SelectedAltitudeFeet);
        Assert.Equal(1012.8, message.BarometricSettingHectopascals);
        Assert.Equal(90, message.SelectedHeadingDegrees);
        Assert.True(message.Autopilot);
    }

    [Fact]
    public void Operational_status_gives_the_adsb_version()
    {
        ulong me = (31UL << 51) | (2UL << 13);
        ModeSDecoder.Decode(Squitter(0x4840d6, me), out var message, out _);

        Assert.Equal(31, message.TypeCode);
        Assert.Equal(2, message.AdsbVersion);
    }

    [Fact]
    public void Gnss_altitude_positions_give_a_geometric_altitude_in_feet()
    {
        ulong me = (20UL << 51) | (3048UL << 36); // 3048 m
        ModeSDecoder.Decode(Squitter(0x4840d6, me), out var message, out _);

        Assert.Equal(10000, message.GeometricAltitudeFeet);
        Assert.Null(message.BarometricAltitudeFeet);
        Assert.True(message.HasCpr);
    }

    [Fact]
    public void Df18_tisb_and_adsr_frames_keep_their_source_and_non_icao_addresses_are_flagged()
    {
        var tisb = Squitter(0x123456, 11UL << 51, df: 18, capability: 5);
        var adsr = Squitter(0x123456, 11UL << 51, df: 18, capability: 6);

        ModeSDecoder.Decode(tisb, out var a, out _);
        ModeSDecoder.Decode(adsr, out var b, out _);

        Assert.Equal(ModeSSource.Tisb, a.Source);
        Assert.True(a.NonIcaoAddress);
        Assert.Equal(ModeSSource.Adsr, b.Source);
        Assert.False(b.NonIcaoAddress);
    }

    internal static byte[] Squitter(int address, ulong me, int df = 17, int capability = 5)
    {
        var data = new byte[14];
        data[0] = (byte)((df << 3) | capability);
        data[1] = (byte)(address >> 16);
        data[2] = (byte)(address >> 8);
        data[3] = (byte)address;
        for (var i = 0; i < 7; i++)
        {
            data[4 + i] = (byte)(me >> (48 - (8 * i)));
        }

        var crc = Crc24.Compute(data.AsSpan(0, 11));
        data[11] = (byte)(crc >> 16);
        data[12] = (byte)(crc >> 8);
        data[13] = (byte)crc;
        return data;
    }
}
