using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace LiveTrack.Server.Tests;

/// <summary>
/// A server process killed (SIGKILL) while a webhook delivery is failing and being retried: the restarted server
/// resumes the delivery from its queue, and the receiver gets it with the same idempotency key.
/// </summary>
public sealed class KilledProcessRestartTests
{
    [Fact]
    public async Task A_webhook_retry_in_flight_when_the_server_is_killed_is_delivered_after_the_restart_with_the_same_idempotency_key()
    {
        var failing = true;
        await using var receiver = await WebhookReceiver.StartAsync(_ => Volatile.Read(ref failing) ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        var root = Path.Combine(Path.GetTempPath(), $"livetrack-killed-{Guid.NewGuid():N}");
        string[] settings =
        [
            $"--LiveTrack:Geofences:StorePath={Path.Combine(root, "geofences")}",
            $"--LiveTrack:Alerts:RulesPath={Path.Combine(root, "rules")}",
            $"--LiveTrack:Alerts:HistoryPath={Path.Combine(root, "alerts")}",
            $"--LiveTrack:Storage:StatePath={Path.Combine(root, "state")}",
            "--LiveTrack:Alerts:Webhooks:AllowList:0=127.0.0.1",
            "--LiveTrack:Alerts:Webhooks:InitialRetryDelay=00:00:00.200",
            "--LiveTrack:Alerts:Webhooks:MaxRetryDelay=00:00:00.500",
            "--LiveTrack:Alerts:Webhooks:GiveUpAfter=00:10:00",
        ];
        var icao = Icao.New();
        string key;
        await using (var first = await ServerProcessHost.StartAsync(settings))
        {
            await Post(first, "/api/geofences", """
                { "type": "Feature", "id": "killed-box", "properties": { "name": "Killed box" },
                  "geometry": { "type": "Polygon", "coordinates": [[[20, 30], [21, 30], [21, 31], [20, 31], [20, 30]]] } }
                """);
            await Post(first, "/api/rules", $$"""
                { "id": "killed-entry", "trigger": { "kind": "geofence", "fenceId": "killed-box", "events": ["entered"] },
                  "webhooks": [{ "url": "{{receiver.Url}}", "secret": "{{WebhookReceiver.Secret}}" }] }
                """);
            var now = DateTimeOffset.UtcNow;
            await Push(first, Sbs.Position(icao, 29.99, 20.5, 30000, now.AddSeconds(-2)), Sbs.Position(icao, 30.01, 20.5, 30000, now));
            await receiver.WaitFor(r => r.Received.Count >= 2, "two failed attempts before the kill", TimeSpan.FromSeconds(60));
            key = receiver.Received.First().IdempotencyKey!;
            await first.Kill();
        }

        var attemptsBeforeKill = receiver.Received.Count;
        Volatile.Write(ref failing, false);
        await using var second = await ServerProcessHost.StartAsync(settings);
        await receiver.WaitFor(r => r.Accepted.ContainsKey(key), "the resumed delivery after the restart", TimeSpan.FromSeconds(60));

        var accepted = receiver.Accepted[key];
        Assert.Equal(key, accepted.Id);
        Assert.Equal(icao, accepted.Icao);
        Assert.Single(receiver.Accepted);
        Assert.All(receiver.Received, r => Assert.Equal(key, r.IdempotencyKey));
        // Resumed, not started over: its attempts continue the count from before the kill.
        var resumed = receiver.Received.Skip(attemptsBeforeKill).First();
        Assert.True(int.Parse(resumed.Attempt!, System.Globalization.CultureInfo.InvariantCulture) > 1, $"attempt {resumed.Attempt}");
        Assert.Empty((await second.Http.GetFromJsonAsync<DeadLetter[]>("/api/alerts/dead-letters", LiveTrackTestServer.Json))!);
    }

    private static async Task Post(ServerProcessHost server, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        using var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task Push(ServerProcessHost server, params string[] lines)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Sbs);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        await stream.FlushAsync();
    }
}
