using System.Net;
using System.Text;

namespace LiveTrack.Server.Tests;

/// <summary>
/// State that must survive a restart, whatever the storage profile: a server is stopped and a new one started on the
/// same storage. An aircraft inside a fence raises no second Entered alert, and a dwell started before the restart
/// fires at its original deadline (the restarted rule grain is reactivated by its reminder; no event wakes it).
/// </summary>
public abstract class RestartTests
{
    private const string Fence = "restart-box";
    private static readonly TimeSpan DwellLength = TimeSpan.FromSeconds(12);

    /// <summary>The storage settings both servers share (paths or a database).</summary>
    protected abstract Task<Dictionary<string, string?>> StorageSettings();

    [Fact]
    public async Task After_a_restart_an_aircraft_inside_a_fence_alerts_once_and_its_dwell_fires_at_the_original_deadline()
    {
        var settings = await StorageSettings();
        settings["LiveTrack:Tracking:AllowedLateness"] = "00:00:00.200";
        var icao = Icao.New();
        Alert entered;
        await using (var first = await LiveTrackTestServer.StartAsync(settings: settings))
        {
            await Post(first, "/api/geofences", $$"""
                { "type": "Feature", "id": "{{Fence}}", "properties": { "name": "Restart box" },
                  "geometry": { "type": "Polygon", "coordinates": [[[20, 30], [21, 30], [21, 31], [20, 31], [20, 30]]] } }
                """);
            // No cooldown: only the persisted fence membership can keep a reactivated aircraft from alerting again.
            await Post(first, "/api/rules", $$"""
                { "id": "enters", "trigger": { "kind": "geofence", "fenceId": "{{Fence}}", "events": ["entered"] }, "cooldownSeconds": 0 }
                """);
            await Post(first, "/api/rules", $$"""
                { "id": "loiters", "trigger": { "kind": "geofence", "fenceId": "{{Fence}}", "dwellMinutes": {{DwellLength.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } }
                """);
            await using var client = await first.ConnectClient();
            await client.SubscribeAlerts("enters");
            var now = DateTimeOffset.UtcNow;
            await first.PushSbs(Sbs.Position(icao, 29.99, 20.5, 30000, now.AddSeconds(-2)), Sbs.Position(icao, 30.01, 20.5, 30000, now));
            var frame = await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == icao), "the entry alert before the restart");
            entered = frame.Alerts.Single(a => a.Icao == icao);
        }

        await using var second = await LiveTrackTestServer.StartAsync(settings: settings);
        var restartedAt = DateTimeOffset.UtcNow;
        await using var watcher = await second.ConnectClient();
        await watcher.SubscribeAlerts();
        // Still inside, reported to a new aircraft activation.
        await second.PushSbs(Sbs.Position(icao, 30.02, 20.5, 30000, DateTimeOffset.UtcNow));
        var dwellFrame = await watcher.WaitForFrame(f => f.Alerts.Any(a => a.Icao == icao && a.RuleId == "loiters"), "the dwell alert after the restart", TimeSpan.FromSeconds(60));
        var dwell = dwellFrame.Alerts.Single(a => a.Icao == icao && a.RuleId == "loiters");

        var sequence = entered.Id["enters-".Length..];
        Assert.Equal($"loiters-{sequence}-dwell", dwell.Id);
        Assert.Equal(entered.Events[0].At + DwellLength, dwell.At);
        // Timed from the entry before the restart, not from the restart.
        Assert.True(dwell.RaisedAt < restartedAt + DwellLength, $"The dwell fired at {dwell.RaisedAt:O}, a full dwell after the restart at {restartedAt:O}.");

        var history = await second.GetJson<AlertPage>($"/api/alerts?icao={icao}");
        Assert.Equal([dwell.Id, entered.Id], history!.Alerts.Select(a => a.Id));
        Assert.DoesNotContain(dwellFrame.Alerts, a => a.Icao == icao && a.RuleId == "enters");
    }

    private static async Task Post(LiveTrackTestServer server, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
