namespace LiveTrack.ModeS.Tests;

public class CprTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero).UtcTicks;

    [Theory]
    [InlineData(0, 59)]
    [InlineData(10.4704, 59)]
    [InlineData(10.4706, 58)]
    [InlineData(52.2572, 36)]
    [InlineData(-52.2572, 36)]
    [InlineData(86.9, 2)]
    [InlineData(87.1, 1)]
    public void The_number_of_longitude_zones_follows_the_defining_formula(double latitude, int zones)
    {
        Assert.Equal(zones, Cpr.NL(latitude));
    }

    [Theory]
    [InlineData(52.2572, 3.9194)]
    [InlineData(26.3, -110.4)]
    [InlineData(-33.9461, 151.1772)]
    [InlineData(0.001, -179.999)]
    [InlineData(64.8378, -147.7164)]
    [InlineData(-77.85, 166.67)]
    public void Positions_encode_and_decode_globally_within_the_cpr_resolution(double latitude, double longitude)
    {
        foreach (var oddIsNewer in new[] { false, true })
        {
            var even = Cpr.Encode(latitude, longitude, odd: false);
            var odd = Cpr.Encode(latitude, longitude, odd: true);

            Assert.True(Cpr.TryDecodeGlobal(even.Lat, even.Lon, odd.Lat, odd.Lon, oddIsNewer, out var lat, out var lon));
            Assert.Equal(latitude, lat, 3);
            Assert.Equal(longitude, lon, 3);
        }
    }

    [Fact]
    public void A_pair_straddling_a_longitude_zone_boundary_is_rejected_not_decoded_wrongly()
    {
        // NL drops from 59 to 58 at 10.4705°: the even message south of it, the odd one north of it.
        var even = Cpr.Encode(10.4600, 20.0, odd: false);
        var odd = Cpr.Encode(10.4800, 20.0, odd: true);

        Assert.False(Cpr.TryDecodeGlobal(even.Lat, even.Lon, odd.Lat, odd.Lon, oddIsNewer: true, out _, out _));
    }

    [Fact]
    public void The_receiver_waits_for_a_consistent_pair_after_a_zone_boundary_crossing()
    {
        var receiver = new ModeSReceiver();
        var buffer = new byte[14];
        ModeSEncoder.AirbornePosition(buffer, 0x0d0abc, 10.4600, 20.0, 30000, odd: false);
        receiver.Decode(buffer, false, T0, out _);
        ModeSEncoder.AirbornePosition(buffer, 0x0d0abc, 10.4800, 20.0, 30000, odd: true);
        receiver.Decode(buffer, false, T0 + TimeSpan.TicksPerSecond, out var straddling);
        ModeSEncoder.AirbornePosition(buffer, 0x0d0abc, 10.4820, 20.0, 30000, odd: false);
        receiver.Decode(buffer, false, T0 + (2 * TimeSpan.TicksPerSecond), out var consistent);

        Assert.False(straddling.HasPosition);
        Assert.Equal(1, receiver.Counters.CprRejected);
        Assert.Equal(10.482, consistent.Latitude!.Value, 3);
        Assert.Equal(20.0, consistent.Longitude!.Value, 3);
    }

    [Fact]
    public void Surface_positions_pick_the_solution_nearest_the_reference_in_every_quadrant()
    {
        foreach (var (lat, lon) in new[] { (52.3206, 4.7347), (-33.9461, 151.1772), (33.9425, -118.4081), (-22.8100, -43.2506) })
        {
            var even = Cpr.Encode(lat, lon, odd: false, surface: true);
            var odd = Cpr.Encode(lat, lon, odd: true, surface: true);

            Assert.True(Cpr.TryDecodeSurface(even.Lat, even.Lon, odd.Lat, odd.Lon, true, lat + 0.3, lon - 0.4, out var decodedLat, out var decodedLon));
            Assert.Equal(lat, decodedLat, 4);
            Assert.Equal(lon, decodedLon, 4);
        }
    }

    [Fact]
    public void Without_a_receiver_location_or_previous_fix_surface_pairs_are_not_guessed()
    {
        var receiver = new ModeSReceiver();
        var buffer = new byte[14];
        ModeSEncoder.SurfacePosition(buffer, 0x484175, 52.3206, 4.7347, 10, 90, odd: false);
        receiver.Decode(buffer, false, T0, out _);
        ModeSEncoder.SurfacePosition(buffer, 0x484175, 52.3206, 4.7347, 10, 90, odd: true);
        receiver.Decode(buffer, false, T0 + TimeSpan.TicksPerSecond, out var second);

        Assert.False(second.HasPosition);
        Assert.Equal(10, second.GroundSpeedKnots);
        Assert.Equal(90, second.TrackDegrees!.Value, 0);
    }

    [Fact]
    public void After_a_fix_single_messages_decode_locally_and_follow_the_aircraft()
    {
        var receiver = new ModeSReceiver();
        var buffer = new byte[14];
        Fix(receiver, buffer, 26.3, -110.4, T0);

        ModeSEncoder.AirbornePosition(buffer, 0xae01c5, 26.31, -110.41, 31000, odd: false);
        receiver.Decode(buffer, false, T0 + (20 * TimeSpan.TicksPerSecond), out var local);

        Assert.Equal(26.31, local.Latitude!.Value, 4);
        Assert.Equal(-110.41, local.Longitude!.Value, 4);
        Assert.Equal(1, receiver.Counters.CprLocal);
    }

    [Fact]
    public void A_pair_implying_an_impossible_jump_is_rejected_and_two_agreeing_fixes_re_anchor_the_track()
    {
        var receiver = new ModeSReceiver();
        var buffer = new byte[14];
        Fix(receiver, buffer, 52.2572, 3.9194, T0);

        // Five seconds later a pair 300 NM away: not reachable at any plausible speed.
        var jump = Fix(receiver, buffer, 56.0, 10.0, T0 + (5 * TimeSpan.TicksPerSecond));
        Assert.False(jump.HasPosition);
        Assert.True(receiver.Counters.CprRejected >= 1);

        // The next pair agrees with the rejected one: the old reference was the bad one.
        var confirmed = Fix(receiver, buffer, 56.001, 10.001, T0 + (7 * TimeSpan.TicksPerSecond));
        Assert.Equal(56.001, confirmed.Latitude!.Value, 3);
    }

    [Fact]
    public void Positions_beyond_the_receiver_range_are_rejected()
    {
        var receiver = new ModeSReceiver(new ModeSReceiverOptions { ReceiverLatitude = 52, ReceiverLongitude = 4, MaxRangeNauticalMiles = 250 });
        var buffer = new byte[14];

        var far = Fix(receiver, buffer, 40.0, -3.0, T0);

        Assert.False(far.HasPosition);
    }

    [Fact]
    public void Address_parity_replies_are_trusted_only_from_addresses_seen_in_a_reliable_message()
    {
        var receiver = new ModeSReceiver();
        var buffer = new byte[14];
        ModeSEncoder.SurveillanceIdentity(buffer, 0x0d0abc, 7500);
        Assert.Equal(ModeSDecodeStatus.UnknownAddress, receiver.Decode(buffer.AsSpan(0, 7), false, T0, out _));

        ModeSEncoder.Identification(buffer, 0x0d0abc, "AMX123", "A3");
        receiver.Decode(buffer, false, T0, out _);
        ModeSEncoder.SurveillanceIdentity(buffer, 0x0d0abc, 7500);

        Assert.Equal(ModeSDecodeStatus.Decoded, receiver.Decode(buffer.AsSpan(0, 7), false, T0 + TimeSpan.TicksPerSecond, out var reply));
        Assert.Equal(0x0d0abc, reply.Address);
        Assert.Equal(7500, reply.Squawk);
        Assert.True(reply.Emergency);
        Assert.Equal(ModeSDecodeStatus.UnknownAddress, receiver.Decode(buffer.AsSpan(0, 7), false, T0 + (61 * TimeSpan.TicksPerSecond), out _));
    }

    [Fact]
    public void Mlat_frames_keep_their_source()
    {
        var receiver = new ModeSReceiver();
        var buffer = new byte[14];
        ModeSEncoder.AirbornePosition(buffer, 0x3c4dd2, 50, 8, 20000, odd: false);

        receiver.Decode(buffer, mlat: true, T0, out var message);

        Assert.Equal(ModeSSource.Mlat, message.Source);
    }

    private static ModeSMessage Fix(ModeSReceiver receiver, byte[] buffer, double lat, double lon, long ticks)
    {
        ModeSEncoder.AirbornePosition(buffer, 0xae01c5, lat, lon, 31000, odd: false);
        receiver.Decode(buffer, false, ticks, out _);
        ModeSEncoder.AirbornePosition(buffer, 0xae01c5, lat, lon, 31000, odd: true);
        receiver.Decode(buffer, false, ticks + TimeSpan.TicksPerSecond, out var message);
        return message;
    }
}
