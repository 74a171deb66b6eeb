using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using LiveTrack.Ingestion;
using LiveTrack.TestSupport;
using Xunit.Abstractions;

namespace LiveTrack.Cluster.Tests;

/// <summary>
/// Three silos as three processes on one real PostgreSQL; <c>kill -9</c> of the silo that runs the configured SBS
/// client feed and hosts its aircraft. The bound is 30 s for both the feed and the aircraft to come back: the
/// waits after the kill give up there (every wait is on a condition; the timings are measured and logged). A fence, a
/// rule and the alert it raised, all written through the silo that is killed, are served by both survivors after the
/// kill (the stores are in the shared database).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterKillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killing_the_silo_running_a_feed_moves_the_feed_and_its_aircraft_to_survivors_whose_hub_clients_keep_receiving()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var stop = new CancellationTokenSource();
        // Small pools: three silos share the test server's 50 connections (each silo has one pool for Orleans' providers,
        // one for its feed leases and one for the stores).
        var database = await postgres.Server.CreateDatabaseAsync("cluster") + ";Maximum Pool Size=5";
        var clock = Stopwatch.StartNew();

        // The receiver the "receiver" feed (an SbsClient) connects to, streaming aircraft c0ffee; abc123 is pushed to A.
        using var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var feedAircraft = new SbsSource("C0FFEE", 30.0, -112.0);
        var pushedAircraft = new SbsSource("ABC123", 28.0, -111.0);
        var serving = feedAircraft.ServeAsync(receiver, stop.Token);
        string[] feed =
        [
            "--LiveTrack:Feeds:receiver:Type=SbsClient",
            "--LiveTrack:Feeds:receiver:Host=127.0.0.1",
            $"--LiveTrack:Feeds:receiver:Port={((IPEndPoint)receiver.LocalEndpoint).Port}",
            "--LiveTrack:Feeds:receiver:ReconnectDelay=00:00:00.500",
        ];

        // C starts first and takes the feed's lease; the feed's aircraft activates on C (aircraft grains prefer the
        // silo that calls them), so killing C takes both the feed and the aircraft's grain down.
        await using var c = await SiloProcess.StartAsync("C", database, feed, Log, guard.Token);
        await c.WaitForFeedAsync("receiver", f => f.State == FeedState.Connected && f.RunsOnNode == "C", guard.Token);
        await using var a = await SiloProcess.StartAsync("A", database, feed, Log, guard.Token);
        await using var b = await SiloProcess.StartAsync("B", database, feed, Log, guard.Token);
        Log($"3 silos up after {clock.Elapsed.TotalSeconds:F1} s");

        var standby = await b.WaitForFeedAsync("receiver", f => f.State == FeedState.Standby, guard.Token);
        Assert.Equal((FeedPlacement.OneNode, "C"), (standby.Placement, standby.RunsOnNode));
        var push = (await a.FeedsAsync(guard.Token)).Single(f => f.Name == "push");
        Assert.Equal((FeedPlacement.EveryNode, "A", FeedState.Listening), (push.Placement, push.RunsOnNode, push.State));

        await using var onB = await HubWatcher.ConnectAsync(b.BaseAddress, clock, guard.Token);
        await using var onC = await HubWatcher.ConnectAsync(c.BaseAddress, clock, guard.Token);
        var pushing = pushedAircraft.PushAsync(await a.PushEndpointAsync(guard.Token), stop.Token);

        // Before the kill both aircraft reach the hub clients on B and C.
        foreach (var watcher in new[] { onB, onC })
        {
            await watcher.WaitForAsync(feedAircraft.Icao, s => s.Latitude is not null, guard.Token);
            await watcher.WaitForAsync(pushedAircraft.Icao, s => s.Latitude is not null, guard.Token);
        }

        // Written through C, which is killed next: a fence just ahead of the pushed aircraft and a rule alerting when it
        // enters; the alert is in the history before the kill.
        var fenceSouth = pushedAircraft.LatitudeNow + 0.005;
        await Write(c, HttpMethod.Put, $"/api/geofences/{Fence}", string.Create(CultureInfo.InvariantCulture, $$"""
            { "type": "Feature", "id": "{{Fence}}", "properties": { "name": "Kill box" },
              "geometry": { "type": "Polygon", "coordinates": [[[-111.2, {{fenceSouth}}], [-110.8, {{fenceSouth}}], [-110.8, {{fenceSouth + 1}}], [-111.2, {{fenceSouth + 1}}], [-111.2, {{fenceSouth}}]]] } }
            """), "application/geo+json", guard.Token);
        await Write(c, HttpMethod.Put, $"/api/rules/{Rule}", $$"""
            { "id": "{{Rule}}", "name": "Enters the kill box", "trigger": { "kind": "geofence", "fenceId": "{{Fence}}", "events": ["entered"] } }
            """, "application/json", guard.Token);
        var alert = Assert.Single(await WaitForAlertsAsync(c, guard.Token));
        Assert.Equal(pushedAircraft.Icao, alert.Icao, ignoreCase: true);
        Log($"alert {alert.Id} recorded before the kill");

        var northOfKill = feedAircraft.LatitudeNow;
        var pushedNorthOfKill = pushedAircraft.LatitudeNow;
        var killedAt = clock.Elapsed;
        await c.KillAsync();
        Log($"killed C at {killedAt.TotalSeconds:F1} s");

        using var within = CancellationTokenSource.CreateLinkedTokenSource(guard.Token);
        within.CancelAfter(Bound);

        // The feed owned by the dead silo runs on a survivor (Connected there, shown as running there by both).
        var moved = await b.WaitForFeedAsync("receiver", f => f.RunsOnNode is "A" or "B", within.Token);
        var owner = moved.RunsOnNode == "A" ? a : b;
        var other = owner == a ? b : a;
        await owner.WaitForFeedAsync("receiver", f => f.State == FeedState.Connected && f.RunsOnNode == owner.Node, within.Token);
        var feedMoved = clock.Elapsed - killedAt;
        // The other survivor stays on standby and learns the new owner at its next try of the lease.
        await other.WaitForFeedAsync("receiver", f => f.State == FeedState.Standby && f.RunsOnNode == owner.Node, within.Token);
        Log($"feed 'receiver' running on {owner.Node} {feedMoved.TotalSeconds:F1} s after the kill");

        // The feed's aircraft, whose grain died with C, is tracked again: B's hub client sees it further north.
        var resumed = await onB.WaitForAsync(feedAircraft.Icao, s => s.Latitude > northOfKill, within.Token) - killedAt;
        Log($"aircraft {feedAircraft.Icao} tracked again {resumed.TotalSeconds:F1} s after the kill");

        // The pushed aircraft kept reaching B's hub client through the kill.
        await onB.WaitForAsync(pushedAircraft.Icao, s => s.Latitude > pushedNorthOfKill, within.Token);
        var arrivals = onB.ArrivalsOf(pushedAircraft.Icao).Where(t => t >= killedAt - TimeSpan.FromSeconds(5)).ToList();
        var gap = arrivals.Zip(arrivals.Skip(1), (x, y) => y - x).DefaultIfEmpty().Max();
        Log($"aircraft {pushedAircraft.Icao} (pushed to A): longest gap between updates on B's hub client around the kill {gap.TotalSeconds:F1} s");
        Assert.True(feedAircraft.Connections >= 2, "the survivor running the feed connected to the receiver");

        // Nothing written through C is lost: both survivors serve the fence, the rule and the alert (recorded once).
        foreach (var survivor in new[] { a, b })
        {
            var fence = await survivor.Http.GetAsync($"/api/geofences/{Fence}", within.Token);
            Assert.Equal(HttpStatusCode.OK, fence.StatusCode);
            Assert.Contains("Kill box", await fence.Content.ReadAsStringAsync(within.Token), StringComparison.Ordinal);
            var rule = await survivor.Http.GetAsync($"/api/rules/{Rule}", within.Token);
            Assert.Equal(HttpStatusCode.OK, rule.StatusCode);
            Assert.Contains("Enters the kill box", await rule.Content.ReadAsStringAsync(within.Token), StringComparison.Ordinal);
            var alerts = await AlertsAsync(survivor, within.Token);
            Assert.Equal([alert.Id], alerts.Select(x => x.Id));
        }

        Log(string.Create(CultureInfo.InvariantCulture, $"MEASURED feedMove={feedMoved.TotalSeconds:F1}s aircraftResume={resumed.TotalSeconds:F1}s pushedGap={gap.TotalSeconds:F1}s"));

        await stop.CancelAsync();
        receiver.Stop();
        await Task.WhenAll(serving, pushing);
    }

    private const string Fence = "kill-box";
    private const string Rule = "enters-kill-box";

    private static async Task Write(SiloProcess silo, HttpMethod method, string path, string body, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        request.Headers.Add("X-Api-Key", SiloProcess.ApiKey);
        using var response = await silo.Http.SendAsync(request, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} on {silo.Node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static async Task<Alert[]> AlertsAsync(SiloProcess silo, CancellationToken cancellationToken) =>
        (await silo.Http.GetFromJsonAsync<AlertPage>($"/api/alerts?rule={Rule}", SiloProcess.Json, cancellationToken))!.Alerts;

    /// <summary>The rule's alerts once there is at least one (polled every 100 ms, like the feeds: the history has no change notification over HTTP).</summary>
    private static async Task<Alert[]> WaitForAlertsAsync(SiloProcess silo, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            if (await AlertsAsync(silo, cancellationToken) is { Length: > 0 } alerts)
            {
                return alerts;
            }

            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // A silo's output after the test ended.
        }
    }
}
