using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Server.Tests;

/// <summary>What a server's start logs and sets up.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_start_logs_no_watchdog_stall()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await LiveTrackTestServer.StartAsync(configure: b => b.Logging.AddProvider(logs));

        // The silo watchdog's first checks ran as the silo started. Its clock counts from the silo's start, so the
        // time it reads for a check not yet stamped (timestamp 0) is no older than this process — not the machine's
        // uptime, which it used to report as a stall ("has not completed for 00:14:59") on most starts.
        var clock = server.Services.GetRequiredKeyedService<TimeProvider>(Orleans.Runtime.TimeProviderNames.Membership);
        using var self = Process.GetCurrentProcess();
        Assert.True(clock.GetElapsedTime(0) <= DateTime.Now - self.StartTime, $"the membership clock reads {clock.GetElapsedTime(0)} since timestamp 0");
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("check thread has not completed", StringComparison.Ordinal));
    }
}
