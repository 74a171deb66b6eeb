namespace LiveTrack.Alerting.Tests;

public class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(30, 60)]
    [InlineData(100, 60)]
    public void Delays_are_spread_over_zero_to_the_doubling_cap(int failedAttempts, double capSeconds)
    {
        var random = new Random(12345);
        var cap = TimeSpan.FromSeconds(capSeconds);

        var delays = Enumerable.Range(0, 2_000).Select(_ => Schedule.NextDelay(failedAttempts, TimeSpan.Zero, random)!.Value).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, cap));
        Assert.True(delays.Max() > cap * 0.98, $"largest {delays.Max()} of cap {cap}");
        Assert.True(delays.Min() < cap * 0.02, $"smallest {delays.Min()} of cap {cap}");
        Assert.InRange(delays.Average(d => d.TotalSeconds), capSeconds * 0.45, capSeconds * 0.55);
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var first = Enumerable.Range(1, 10).Select(n => Schedule.NextDelay(n, TimeSpan.Zero, new Random(7))).ToList();
        var second = Enumerable.Range(1, 10).Select(n => Schedule.NextDelay(n, TimeSpan.Zero, new Random(7))).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Delivery_gives_up_when_the_next_attempt_would_come_after_the_give_up_time()
    {
        var random = new Random(1);

        Assert.Null(Schedule.NextDelay(5, TimeSpan.FromHours(1) + TimeSpan.FromTicks(1), random));
        Assert.All(
            Enumerable.Range(0, 200).Select(_ => Schedule.NextDelay(20, TimeSpan.FromMinutes(58), random)),
            d => Assert.NotNull(d));
        var nearTheEnd = Enumerable.Range(0, 200).Select(_ => Schedule.NextDelay(20, TimeSpan.FromMinutes(59.5), random)).ToList();
        Assert.Contains(nearTheEnd, d => d is null);
        Assert.Contains(nearTheEnd, d => d is not null);
        Assert.All(nearTheEnd.Where(d => d is not null), d => Assert.True(TimeSpan.FromMinutes(59.5) + d!.Value <= TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Attempt_numbers_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.NextDelay(0, TimeSpan.Zero, new Random(1)));
    }
}
