namespace LiveTrack.Simulation.Tests;

internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
}
