using System.Text;

namespace LiveTrack.Adsb.Tests;

/// <summary>Hand-written SBS-1 lines in the shape readsb serves on port 30003, and helpers to parse them.</summary>
internal static class SbsFixtures
{
    public const string Identification =
        "MSG,1,1,1,4CA7B2,1,2026/03/14,09:15:02.117,2026/03/14,09:15:02.141,EIN6TK  ,,,,,,,,,,,0";

    public const string SurfacePosition =
        "MSG,2,1,1,3C6DD4,1,2026/03/14,09:15:03.004,2026/03/14,09:15:03.010,,0,12.5,271.4,50.03412,8.55870,,,,,,-1";

    public const string AirbornePosition =
        "MSG,3,1,1,A1B2C3,1,2026/03/14,09:15:04.250,2026/03/14,09:15:04.262,,36975,,,39.85621,-104.67370,,,0,0,0,0";

    public const string AirborneVelocity =
        "MSG,4,1,1,A1B2C3,1,2026/03/14,09:15:05.500,2026/03/14,09:15:05.512,,,458.3,87.2,,,-1344,,,,,";

    public const string SurveillanceAltitude =
        "MSG,5,1,1,A1B2C3,1,2026/03/14,09:15:06.075,2026/03/14,09:15:06.080,,38000,,,,,,,0,,0,0";

    public const string SurveillanceIdentity =
        "MSG,6,1,1,0D0A5E,1,2026/03/14,09:15:07.903,2026/03/14,09:15:07.910,,24000,,,,,,7700,-1,-1,0,0";

    public const string AirToAir =
        "MSG,7,1,1,C07F3A,1,2026/03/14,09:15:08.660,2026/03/14,09:15:08.661,,12500,,,,,,,,,,0";

    public const string AllCallReply =
        "MSG,8,1,1,C07F3A,1,2026/03/14,09:15:09.001,2026/03/14,09:15:09.002,,,,,,,,,,,,-1";

    /// <summary>
    /// A line with every one of the 22 fields filled in (no real transmission type carries all of them, but the
    /// parser does not care), used as the base for single-field mutations.
    /// </summary>
    public const string AllFields =
        "MSG,3,1,1,4840D6,1,2026/03/14,09:15:04.250,2026/03/14,09:15:04.262,KLM1023 ,36975,452.5,87.3,39.85621,-104.67370,-64,1203,0,0,0,0";

    public static IReadOnlyList<string> ValidLines { get; } =
    [
        Identification, SurfacePosition, AirbornePosition, AirborneVelocity, SurveillanceAltitude,
        SurveillanceIdentity, AirToAir, AllCallReply, AllFields,
        "MLAT,3,1,1,~2A01F7,1,2026/03/14,09:16:00.000,2026/03/14,09:16:00.000,,11975,,,32.11203,-115.90111,,,,,,",
        "MSG,4,1,1,71BE12,1,2026/03/14,09:16:01.5,2026/03/14,09:16:01,,,0.0,360.0,,,0,,,,,",
    ];

    /// <summary><see cref="AllFields"/> with the field at 1-based <paramref name="position"/> replaced.</summary>
    public static string WithField(int position, string value) => WithField(AllFields, position, value);

    public static string WithField(string line, int position, string value)
    {
        var fields = line.Split(',');
        fields[position - 1] = value;
        return string.Join(',', fields);
    }

    public static SbsParseStatus Parse(string line, out SbsMessage message, out string? error)
    {
        var status = SbsParser.TryParse(Encoding.UTF8.GetBytes(line), out message, out error);

        // The char overload must always agree with the byte overload.
        var charStatus = SbsParser.TryParse(line.AsSpan(), out var charMessage, out var charError);
        Assert.Equal(status, charStatus);
        Assert.Equal(message, charMessage);
        Assert.Equal(error, charError);
        return status;
    }

    public static SbsMessage ParseMessage(string line)
    {
        var status = Parse(line, out var message, out var error);
        Assert.True(status == SbsParseStatus.Message, $"expected a message, got {status}: {error}");
        Assert.Null(error);
        return message;
    }

    public static string ParseMalformed(string line)
    {
        var status = Parse(line, out var message, out var error);
        Assert.Equal(SbsParseStatus.Malformed, status);
        Assert.Equal(default, message);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    public static string ParseMalformed(byte[] line)
    {
        var status = SbsParser.TryParse(line, out var message, out var error);
        Assert.Equal(SbsParseStatus.Malformed, status);
        Assert.Equal(default, message);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    public static DateTimeOffset Utc(int hour, int minute, int second, int millisecond) =>
        new(2026, 3, 14, hour, minute, second, millisecond, TimeSpan.Zero);
}

/// <summary>Measures managed allocations of repeated calls on the current thread.</summary>
internal static class AllocationProbe
{
    /// <summary>
    /// Bytes allocated by 100 calls of <paramref name="action"/>, the smallest of three rounds after a warm-up,
    /// so that one-off runtime work (tiering, on-stack replacement) is not blamed on the code under test.
    /// </summary>
    public static long BytesFor100Calls(Action action)
    {
        action();
        var smallest = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                action();
            }

            smallest = Math.Min(smallest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return smallest;
    }
}
