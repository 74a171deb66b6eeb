using System.Globalization;
using System.Text;

namespace LiveTrack.Adsb.Tests;

public class SbsParserFuzzTests
{
    private static readonly byte[] Interesting = "0123456789,.-+ ~:/\r\n\tMSGLATaf\0\u007F"u8.ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_lines_never_throw_and_always_satisfy_the_invariants(int seed)
    {
        var random = new Random(seed);
        var counts = new Dictionary<SbsParseStatus, int>();
        var lines = SbsFixtures.ValidLines.Select(Encoding.ASCII.GetBytes).ToArray();

        for (var i = 0; i < 4000; i++)
        {
            var line = Mutate(random, new List<byte>(lines[random.Next(lines.Length)]));

            var status = SbsParser.TryParse(line, out var message, out var error);

            Assert.True(Enum.IsDefined(status), $"undefined status {(int)status}");
            counts[status] = counts.GetValueOrDefault(status) + 1;
            var context = Encoding.Latin1.GetString(line);
            switch (status)
            {
                case SbsParseStatus.Message:
                    Assert.Null(error);
                    AssertInvariants(message, context);
                    break;
                case SbsParseStatus.Skipped:
                    Assert.Null(error);
                    Assert.Equal(default, message);
                    break;
                case SbsParseStatus.Malformed:
                    Assert.False(string.IsNullOrWhiteSpace(error), context);
                    Assert.Equal(default, message);
                    break;
            }

            // Each byte maps to one char in Latin-1, so for ASCII input both overloads see the same line.
            if (line.All(b => b < 0x80))
            {
                var charStatus = SbsParser.TryParse(context.AsSpan(), out var charMessage, out var charError);
                Assert.Equal(status, charStatus);
                Assert.Equal(message, charMessage);
                Assert.Equal(error, charError);
            }
        }

        // The mutations must be gentle enough to keep some lines valid and harsh enough to break others.
        Assert.True(counts.GetValueOrDefault(SbsParseStatus.Message) > 200, $"only {counts.GetValueOrDefault(SbsParseStatus.Message)} messages");
        Assert.True(counts.GetValueOrDefault(SbsParseStatus.Malformed) > 200, $"only {counts.GetValueOrDefault(SbsParseStatus.Malformed)} malformed");
    }

    private static void AssertInvariants(SbsMessage m, string line)
    {
        Assert.True(IcaoAddress.IsValid(m.Icao), line);
        Assert.InRange((int)m.Type, 1, 8);
        Assert.Equal(m.Latitude.HasValue, m.Longitude.HasValue);
        if (m.HasPosition)
        {
            Assert.InRange(m.Latitude!.Value, -90, 90);
            Assert.InRange(m.Longitude!.Value, -180, 180);
        }

        if (m.AltitudeFeet is { } altitude)
        {
            Assert.InRange(altitude, -2000, 200_000);
        }

        if (m.GroundSpeedKnots is { } speed)
        {
            Assert.True(double.IsFinite(speed) && speed >= 0, line);
        }

        if (m.TrackDegrees is { } track)
        {
            Assert.InRange(track, 0, 360);
        }

        if (m.Squawk is { } squawk)
        {
            Assert.Matches("^[0-7]{4}$", squawk);
        }

        if (m.Callsign is { } callsign)
        {
            Assert.NotEmpty(callsign);
            Assert.Equal(callsign.Trim(), callsign);
            Assert.DoesNotContain(',', callsign);
        }

        Assert.True(m.GeneratedAt is null || m.GeneratedAt.Value.Offset == TimeSpan.Zero, line);
        Assert.True(m.LoggedAt is null || m.LoggedAt.Value.Offset == TimeSpan.Zero, line);

        // Whatever was accepted can be written back out and read again.
        var status = SbsParser.TryParse(SbsFormatter.Format(m).AsSpan(), out _, out var error);
        Assert.True(status == SbsParseStatus.Message, $"{line} -> {SbsFormatter.Format(m)}: {error}");
    }

    private static byte[] Mutate(Random random, List<byte> line)
    {
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            var at = line.Count == 0 ? 0 : random.Next(line.Count);
            switch (random.Next(9))
            {
                case 0 when line.Count > 0: // flip to any byte
                    line[at] = (byte)random.Next(256);
                    break;
                case 1 when line.Count > 0: // flip to an interesting ASCII byte
                    line[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2: // insert a byte
                    line.Insert(at, random.Next(2) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3 when line.Count > 0: // delete a byte
                    line.RemoveAt(at);
                    break;
                case 4: // truncate
                    line.RemoveRange(at, line.Count - at);
                    break;
                case 5: // duplicate a comma
                    var comma = line.IndexOf((byte)',', at);
                    if (comma >= 0)
                    {
                        line.Insert(comma, (byte)',');
                    }

                    break;
                case 6 when line.Count > 0: // flip one bit of a digit or letter
                    line[at] ^= (byte)(1 << random.Next(7));
                    break;
                case 7: // replace a field with a random number
                    ReplaceField(random, line, random.NextDouble() < 0.5
                        ? (random.NextDouble() * 800 - 400).ToString("R", CultureInfo.InvariantCulture)
                        : random.Next(-300_000, 300_000).ToString(CultureInfo.InvariantCulture));
                    break;
                default: // append a terminator or trailing field
                    line.AddRange(random.Next(3) switch { 0 => "\r\n"u8.ToArray(), 1 => ",,X"u8.ToArray(), _ => "\n"u8.ToArray() });
                    break;
            }
        }

        return [.. line];
    }

    private static void ReplaceField(Random random, List<byte> line, string value)
    {
        var fields = Encoding.Latin1.GetString([.. line]).Split(',');
        fields[random.Next(fields.Length)] = value;
        line.Clear();
        line.AddRange(Encoding.Latin1.GetBytes(string.Join(',', fields)));
    }
}
