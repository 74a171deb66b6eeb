namespace LiveTrack.Grains.Tests;

internal static class Reports
{
    private static int next;

    /// <summary>A fresh address per test so tests sharing the cluster never see each other's aircraft.</summary>
    public static string NewIcao() => $"{0x400000 + Interlocked.Increment(ref next) + (Environment.ProcessId % 1000 * 1000):x6}";

    public static AircraftReport At(string icao, DateTimeOffset timestamp, string feed = "test") => new()
    {
        Icao = icao,
        Feed = feed,
        Timestamp = timestamp,
        ReceivedAt = timestamp,
    };
}
