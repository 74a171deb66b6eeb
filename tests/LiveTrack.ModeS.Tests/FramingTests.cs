namespace LiveTrack.ModeS.Tests;

public class FramingTests
{
    private static readonly byte[] Identification = Convert.FromHexString("8D4840D6202CC371C32CE0576098");

    private static List<(ModeSFrameKind Kind, long Timestamp, byte Signal, byte[] Message)> ReadAll(BeastFramer framer, params byte[][] chunks)
    {
        var frames = new List<(ModeSFrameKind, long, byte, byte[])>();
        foreach (var chunk in chunks)
        {
            ReadOnlySpan<byte> input = chunk;
            while (framer.TryRead(ref input))
            {
                frames.Add((framer.Kind, framer.Timestamp, framer.Signal, framer.Message.ToArray()));
            }
        }

        return frames;
    }

    [Fact]
    public void A_beast_long_frame_gives_its_message_timestamp_and_signal()
    {
        var bytes = new byte[64];
        var n = ModeSEncoder.BeastFrame(bytes, Identification, 0x0102030405, 0x80);

        var frames = ReadAll(new BeastFramer(), bytes[..n]);

        var frame = Assert.Single(frames);
        Assert.Equal(ModeSFrameKind.LongReply, frame.Kind);
        Assert.Equal(0x0102030405, frame.Timestamp);
        Assert.Equal(0x80, frame.Signal);
        Assert.Equal(Identification, frame.Message);
    }

    [Fact]
    public void Escaped_0x1a_bytes_in_timestamp_signal_and_message_are_undoubled()
    {
        var message = Convert.FromHexString("5D1A1A1A1A1A1A"); // a short frame full of escape bytes
        var bytes = new byte[64];
        var n = ModeSEncoder.BeastFrame(bytes, message, 0x1a1a1a1a1a1a, 0x1a);
        Assert.True(n > 2 + 7 + 7, "escapes were doubled");

        var frame = Assert.Single(ReadAll(new BeastFramer(), bytes[..n]));

        Assert.Equal(ModeSFrameKind.ShortReply, frame.Kind);
        Assert.Equal(0x1a1a1a1a1a1a, frame.Timestamp);
        Assert.Equal(0x1a, frame.Signal);
        Assert.Equal(message, frame.Message);
    }

    [Fact]
    public void A_frame_split_at_every_byte_is_reassembled()
    {
        var message = Convert.FromHexString("8D1A1A1A202CC371C32CE0576098");
        var bytes = new byte[64];
        var n = ModeSEncoder.BeastFrame(bytes, message, 0x1a, 0x1a);

        var frames = ReadAll(new BeastFramer(), [.. bytes[..n].Select(b => new[] { b })]);

        Assert.Equal(message, Assert.Single(frames).Message);
    }

    [Fact]
    public void Mode_ac_frames_are_read_as_two_byte_frames()
    {
        var frame = Assert.Single(ReadAll(new BeastFramer(), [0x1a, 0x31, 0, 0, 0, 0, 0, 1, 0x40, 0x12, 0x34]));

        Assert.Equal(ModeSFrameKind.ModeAc, frame.Kind);
        Assert.Equal(new byte[] { 0x12, 0x34 }, frame.Message);
    }

    [Fact]
    public void A_frame_broken_off_by_a_new_frame_is_counted_and_the_next_frame_is_read()
    {
        var bytes = new byte[64];
        var n = ModeSEncoder.BeastFrame(bytes, Identification, 7, 9);
        var broken = bytes[..10]; // sync, type, timestamp and signal, then two message bytes: lost the rest
        var framer = new BeastFramer();

        var frames = ReadAll(framer, [0x00, 0xff, .. broken, .. bytes[..n]]);

        Assert.Equal(Identification, Assert.Single(frames).Message);
        Assert.Equal(1, framer.Malformed);
        Assert.Equal(2, framer.SkippedBytes);
    }

    [Fact]
    public void An_unknown_frame_type_is_counted_as_malformed_and_skipped()
    {
        var bytes = new byte[64];
        var n = ModeSEncoder.BeastFrame(bytes, Identification, 7, 9);
        var framer = new BeastFramer();

        var frames = ReadAll(framer, [0x1a, 0x39, 1, 2, 3, .. bytes[..n]]);

        Assert.Single(frames);
        Assert.Equal(1, framer.Malformed);
    }

    [Fact]
    public void The_mlat_timestamp_marks_a_frame_as_multilaterated()
    {
        var bytes = new byte[64];
        var n = ModeSEncoder.BeastFrame(bytes, Identification, BeastFramer.MlatTimestamp, 0);
        var framer = new BeastFramer();
        ReadOnlySpan<byte> input = bytes.AsSpan(0, n);

        Assert.True(framer.TryRead(ref input));
        Assert.True(framer.IsMlat);
    }

    [Theory]
    [InlineData("*8D4840D6202CC371C32CE0576098;", -1L)]
    [InlineData("@0000123456AB8D4840D6202CC371C32CE0576098;\r", 0x123456ABL)]
    [InlineData("  *8d4840d6202cc371c32ce0576098;  ", -1L)]
    public void Avr_lines_with_and_without_timestamp_give_the_message(string line, long timestamp)
    {
        var message = new byte[14];

        var status = AvrParser.TryParse(System.Text.Encoding.ASCII.GetBytes(line), message, out var length, out var stamp);

        Assert.Equal(AvrParseStatus.Message, status);
        Assert.Equal(14, length);
        Assert.Equal(Identification, message);
        Assert.Equal(timestamp, stamp);
    }

    [Theory]
    [InlineData("8D4840D6202CC371C32CE0576098;")]
    [InlineData("*8D4840D6202CC371C32CE0576098")]
    [InlineData("*8D4840D6202CC371C32CE05760;")]
    [InlineData("*8D4840D6202CC371C32CE057609Z;")]
    [InlineData("@12345*8D4840D6202CC371C32CE0576098;")]
    [InlineData("*;")]
    public void Malformed_avr_lines_are_reported_as_malformed(string line)
    {
        Assert.Equal(AvrParseStatus.Malformed, AvrParser.TryParse(System.Text.Encoding.ASCII.GetBytes(line), new byte[14], out _, out _));
    }

    [Fact]
    public void An_avr_mode_ac_line_is_skipped()
    {
        Assert.Equal(AvrParseStatus.Skipped, AvrParser.TryParse("*2345;"u8, new byte[14], out var length, out _));
        Assert.Equal(2, length);
    }

    [Fact]
    public void Random_and_truncated_byte_streams_never_throw_and_every_outcome_is_counted()
    {
        var random = new Random(18);
        var framer = new BeastFramer();
        var receiver = new ModeSReceiver(new ModeSReceiverOptions { ReceiverLatitude = 52, ReceiverLongitude = 4 });
        var valid = new byte[64];
        var validLength = ModeSEncoder.BeastFrame(valid, Identification, 1, 1);
        long decodedFrames = 0, framesRead = 0;
        var now = DateTimeOffset.UnixEpoch.UtcTicks;

        for (var round = 0; round < 2_000; round++)
        {
            var chunk = new byte[random.Next(0, 200)];
            random.NextBytes(chunk);

            // Sprinkle frame starts and cut-off valid frames into the noise.
            if (chunk.Length > 30 && random.Next(2) == 0)
            {
                chunk[random.Next(chunk.Length - 2)] = 0x1a;
                valid.AsSpan(0, random.Next(validLength)).CopyTo(chunk.AsSpan(random.Next(chunk.Length - validLength)));
            }

            ReadOnlySpan<byte> input = chunk;
            while (framer.TryRead(ref input))
            {
                framesRead++;
                if (framer.Kind != ModeSFrameKind.ModeAc)
                {
                    receiver.Decode(framer.Message, framer.IsMlat, now += TimeSpan.TicksPerMillisecond, out _);
                    decodedFrames++;
                }
            }

            var line = new byte[random.Next(0, 60)];
            random.NextBytes(line);
            AvrParser.TryParse(line, new byte[14], out _, out _);
        }

        var c = receiver.Counters;
        Assert.Equal(framesRead, framer.Frames);
        Assert.Equal(decodedFrames, c.Messages);
        Assert.Equal(c.Messages, c.Decoded + c.CrcErrors + c.UnknownAddress + c.Unsupported + c.NoAddress);
        Assert.True(c.CrcErrors + c.UnknownAddress + c.Unsupported > 0);
        Assert.True(framer.Malformed + framer.SkippedBytes > 0);
    }
}
