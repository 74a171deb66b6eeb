using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Server.Tests;

/// <summary>Invalid hub calls: refused naming the argument, never thrown at by the server, logged as the client's error.</summary>
public sealed class HubValidationTests
{
    [Fact]
    public async Task Invalid_hub_calls_fail_naming_the_argument_and_are_not_logged_as_server_errors()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = await LiveTrackTestServer.StartAsync(configure: b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
            b.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        await using var client = await server.ConnectClient();

        var fence = await Assert.ThrowsAsync<HubException>(() => client.SubscribeGeofence("no-such-fence"));
        var rule = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAlerts("no-such-rule"));
        var area = await Assert.ThrowsAsync<HubException>(() => client.SubscribeArea(0, 95, 1, 96));
        var removed = await client.Connection.InvokeAsync<bool>(nameof(ITrackingHub.Unsubscribe), (string?)null);
        var all = await client.SubscribeAlerts(null);

        Assert.Contains("fenceId", fence.Message, StringComparison.Ordinal);
        Assert.Contains("'no-such-fence'", fence.Message, StringComparison.Ordinal);
        Assert.Contains("ruleId", rule.Message, StringComparison.Ordinal);
        Assert.Contains("'no-such-rule'", rule.Message, StringComparison.Ordinal);
        Assert.Contains("area", area.Message, StringComparison.Ordinal);
        Assert.False(removed);
        Assert.True(await client.Unsubscribe(all));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(3, logs.Entries.Count(e => e.Category.EndsWith("HubInvocationLogFilter", StringComparison.Ordinal) && e.Level == LogLevel.Debug));
    }
}
