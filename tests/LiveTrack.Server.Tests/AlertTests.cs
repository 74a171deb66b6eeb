using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Diagnostics.Metrics;
using LiveTrack.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LiveTrack.Server.Tests;

/// <summary>Rules through the API, alerts from real SBS input: at hub clients, at signed webhooks, in the history.</summary>
public sealed class AlertTests
{
    private const string Fence = "alert-box";

    private static Dictionary<string, string?> Settings(string? rules = null, string? history = null) => new()
    {
        ["LiveTrack:Alerts:Webhooks:AllowList:0"] = "127.0.0.1",
        ["LiveTrack:Alerts:Webhooks:InitialRetryDelay"] = "00:00:00.020",
        ["LiveTrack:Alerts:Webhooks:MaxRetryDelay"] = "00:00:00.100",
        ["LiveTrack:Alerts:Webhooks:GiveUpAfter"] = "00:00:01.500",
        ["LiveTrack:Tracking:AllowedLateness"] = "00:00:00.200",
        ["LiveTrack:Alerts:RulesPath"] = rules ?? Temp("rules"),
        ["LiveTrack:Alerts:HistoryPath"] = history ?? Temp("alerts"),
    };

    /// <summary>This server's dead-letter counter (<c>livetrack.webhook.dead_letters</c>), counted once the letter is listed.</summary>
    private static MetricCollector<long> DeadLetters(LiveTrackTestServer server) =>
        new(server.Services.GetRequiredService<IMeterFactory>(), LiveTrackDiagnostics.SourceName, "livetrack.webhook.dead_letters");

    private static async Task WaitForDeadLetter(MetricCollector<long> deadLettered)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await deadLettered.WaitForMeasurementsAsync(1, cts.Token);
    }

    private static string Temp(string kind) => Path.Combine(Path.GetTempPath(), $"livetrack-{kind}-{Guid.NewGuid():N}");

    private static async Task<HttpResponseMessage> Send(LiveTrackTestServer server, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await server.Http.SendAsync(request);
    }

    private static async Task Expect(LiveTrackTestServer server, HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        var response = await Send(server, method, path, body);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Task CreateFence(LiveTrackTestServer server) => Expect(server, HttpMethod.Post, "/api/geofences", $$"""
        { "type": "Feature", "id": "{{Fence}}", "properties": { "name": "Alert box", "tags": ["watch"] },
          "geometry": { "type": "Polygon", "coordinates": [[[20, 30], [21, 30], [21, 31], [20, 31], [20, 30]]] } }
        """, HttpStatusCode.Created);

    private static string Rule(string id, Uri? webhook = null, string trigger = $$"""{ "kind": "geofence", "fenceId": "{{Fence}}", "events": ["entered"] }""", int cooldownSeconds = 600) => $$"""
        {
          "id": "{{id}}",
          "name": "Rule {{id}}",
          "trigger": {{trigger}},
          "filter": { "icao": ["500000-5fffff"] },
          "cooldownSeconds": {{cooldownSeconds}},
          "webhooks": [{{(webhook is null ? "" : $$"""{ "url": "{{webhook}}", "secret": "{{WebhookReceiver.Secret}}" }""")}}]
        }
        """;

    private static string RuleWithoutWebhooks(string id, string trigger) => $$"""
        { "id": "{{id}}", "trigger": {{trigger}}, "filter": { "icao": ["500000-5fffff"] } }
        """;

    /// <summary>Flies an aircraft from south of the box into it (crossing latitude 30 at 20.5 E).</summary>
    private static async Task EnterBox(LiveTrackTestServer server, string icao, DateTimeOffset? start = null)
    {
        var t = start ?? DateTimeOffset.UtcNow.AddSeconds(-30);
        await server.PushSbs(Sbs.Position(icao, 29.95, 20.5, 30000, t), Sbs.Position(icao, 30.05, 20.5, 30000, t.AddSeconds(20)));
    }

    [Fact]
    public async Task Sbs_in_to_fence_event_to_rule_to_alert_at_a_hub_client_a_signed_webhook_and_the_history()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await CreateFence(server);
        await Expect(server, HttpMethod.Post, "/api/rules", Rule("box-entry", receiver.Url), HttpStatusCode.Created);
        await using var client = await server.ConnectClient();
        await client.SubscribeAlerts("box-entry");
        var icao = Icao.New();

        await EnterBox(server, icao);

        var frame = await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == icao), "the alert");
        var alert = frame.Alerts.Single(a => a.Icao == icao);
        Assert.Equal("box-entry", alert.RuleId);
        Assert.Equal(AlertTriggerKind.Geofence, alert.Trigger);
        var entered = Assert.Single(alert.Events);
        Assert.Equal((GeofenceEventKind.Entered, Fence), (entered.Kind, entered.FenceId));
        Assert.Equal(30.0, entered.Crossing!.Value.Latitude, 3);
        Assert.Equal(29.95, entered.Before!.Value.Latitude, 5);
        Assert.Equal(icao, alert.Aircraft!.Icao);
        Assert.Matches("^[0-9a-f]{32}$", alert.TraceId);
        Assert.Equal(alert.TraceId, entered.TraceId);

        await receiver.WaitFor(r => r.Accepted.ContainsKey(alert.Id), "the webhook delivery");
        var delivery = Assert.Single(receiver.Received);
        Assert.True(delivery.SignatureValid);
        Assert.StartsWith("sha256=", delivery.Signature, StringComparison.Ordinal);
        Assert.Equal(alert.Id, delivery.IdempotencyKey);
        Assert.Equal(30.0, receiver.Accepted[alert.Id].Events[0].Crossing!.Value.Latitude, 3);

        var history = await server.GetJson<AlertPage>($"/api/alerts?rule=box-entry&icao={icao}");
        Assert.Equal(alert.Id, Assert.Single(history!.Alerts).Id);
        Assert.Equal(alert.TraceId, history.Alerts[0].TraceId);
        Assert.Null(history.Next);
    }

    [Fact]
    public async Task A_webhook_failing_three_times_is_retried_with_the_same_idempotency_key_and_accepted_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(n => n <= 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await CreateFence(server);
        await Expect(server, HttpMethod.Post, "/api/rules", Rule("flaky", receiver.Url), HttpStatusCode.Created);
        var icao = Icao.New();

        await EnterBox(server, icao);

        await receiver.WaitFor(r => r.Accepted.Count == 1, "an accepted delivery");
        var attempts = receiver.Received.ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Equal(["1", "2", "3", "4"], attempts.Select(a => a.Attempt));
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());
        Assert.All(attempts, a => Assert.True(a.SignatureValid));
        Assert.Equal(icao, receiver.Accepted.Values.Single().Icao);
        Assert.Empty((await server.GetJson<DeadLetter[]>("/api/alerts/dead-letters"))!);
    }

    [Fact]
    public async Task A_webhook_that_always_fails_ends_as_a_dead_letter_that_can_be_resent()
    {
        var healthy = false;
        await using var receiver = await WebhookReceiver.StartAsync(_ => Volatile.Read(ref healthy) ? HttpStatusCode.OK : HttpStatusCode.InternalServerError);
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await CreateFence(server);
        await Expect(server, HttpMethod.Post, "/api/rules", Rule("down", receiver.Url), HttpStatusCode.Created);
        var icao = Icao.New();

        using var deadLettered = DeadLetters(server);
        await EnterBox(server, icao);

        await WaitForDeadLetter(deadLettered);
        var letter = Assert.Single((await server.GetJson<DeadLetter[]>("/api/alerts/dead-letters"))!);
        Assert.Equal(icao, letter.Alert.Icao);
        // Anonymous readers see the webhook without its path and query; a writer sees it in full.
        Assert.Equal(receiver.Url.GetLeftPart(UriPartial.Authority) + "/…", letter.Url);
        using (var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/dead-letters"))
        {
            keyed.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            var full = await (await server.Http.SendAsync(keyed)).Content.ReadFromJsonAsync<DeadLetter[]>(LiveTrackTestServer.Json);
            Assert.Equal(receiver.Url.AbsoluteUri, Assert.Single(full!).Url);
        }

        Assert.True(letter.Attempts >= 2, $"only {letter.Attempts} attempts");
        Assert.Equal(letter.Attempts, receiver.Received.Count);
        Assert.Contains("500", letter.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Accepted);

        Volatile.Write(ref healthy, true);
        var before = receiver.Received.Count;
        await Expect(server, HttpMethod.Post, $"/api/alerts/dead-letters/{letter.Id}/resend", null, HttpStatusCode.Accepted);
        await receiver.WaitFor(r => r.Accepted.ContainsKey(letter.Alert.Id), "the re-sent delivery");
        Assert.Equal(before + 1, receiver.Received.Count);
        Assert.Empty((await server.GetJson<DeadLetter[]>("/api/alerts/dead-letters"))!);
        await Expect(server, HttpMethod.Post, $"/api/alerts/dead-letters/{letter.Id}/resend", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_resends_of_one_dead_letter_send_it_once()
    {
        var healthy = false;
        await using var receiver = await WebhookReceiver.StartAsync(_ => Volatile.Read(ref healthy) ? HttpStatusCode.OK : HttpStatusCode.InternalServerError);
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await CreateFence(server);
        await Expect(server, HttpMethod.Post, "/api/rules", Rule("down-twice", receiver.Url), HttpStatusCode.Created);
        using var deadLettered = DeadLetters(server);
        await EnterBox(server, Icao.New());
        var dispatcher = server.Services.GetRequiredService<LiveTrack.Server.Alerts.WebhookDispatcher>();
        await WaitForDeadLetter(deadLettered);

        var letter = Assert.Single(await dispatcher.DeadLetters());
        var before = receiver.Received.Count;
        Volatile.Write(ref healthy, true);

        // Re-sends on several threads at once (the API's journal grain serialises its own calls; the dispatcher must not rely on it).
        const int callers = 4;
        using var start = new Barrier(callers);
        var results = new bool[callers];
        var threads = Enumerable.Range(0, callers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = dispatcher.Resend(letter.Id).GetAwaiter().GetResult();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Single(results, r => r);
        await receiver.WaitFor(r => r.Accepted.ContainsKey(letter.Alert.Id), "the re-sent delivery");
        await Expect(server, HttpMethod.Post, "/api/rules/down-twice/disable", null, HttpStatusCode.OK);
        Assert.Equal(before + 1, receiver.Received.Count);
    }

    [Fact]
    public async Task Two_concurrent_puts_of_a_new_rule_create_it_once_and_replace_it_once()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            (await Send(server, HttpMethod.Put, "/api/rules/raced", RuleWithoutWebhooks("raced", """{ "kind": "emergency" }"""))).StatusCode));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], statuses.Order());
    }

    [Fact]
    public async Task Invalid_rules_are_refused_with_problem_details_naming_the_field()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await CreateFence(server);

        async Task<JsonElement> Refused(string body)
        {
            var response = await Send(server, HttpMethod.Post, "/api/rules", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        Assert.True((await Refused(Rule("outside", new Uri("http://10.1.2.3/hook")))).TryGetProperty("webhooks[0].url", out var url));
        Assert.Contains("allow-list", url[0].GetString(), StringComparison.Ordinal);
        Assert.True((await Refused(RuleWithoutWebhooks("no-fence", """{ "kind": "geofence", "fenceId": "nowhere" }"""))).TryGetProperty("trigger.fenceId", out _));
        Assert.True((await Refused("""{ "id": "empty" }""")).TryGetProperty("trigger", out _));
        Assert.True((await Refused("""{ "id": "bad-regex", "trigger": { "kind": "emergency" }, "filter": { "callsign": "JAKE(" } }""")).TryGetProperty("filter.callsign", out _));
        Assert.Empty(JsonSerializer.Deserialize<JsonElement[]>(await server.Http.GetStringAsync("/api/rules"))!);

        // Writes need the key, like fences.
        using var anonymous = new StringContent(RuleWithoutWebhooks("anon", """{ "kind": "emergency" }"""), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.PostAsync("/api/rules", anonymous)).StatusCode);
    }

    [Fact]
    public async Task A_squawk_held_for_the_rule_time_alerts_once_and_a_disabled_rule_stays_quiet()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await Expect(server, HttpMethod.Post, "/api/rules", RuleWithoutWebhooks("hijack", """{ "kind": "squawk", "codes": ["7500"], "heldSeconds": 1 }"""), HttpStatusCode.Created);
        await Expect(server, HttpMethod.Post, "/api/rules", RuleWithoutWebhooks("mayday", """{ "kind": "emergency" }"""), HttpStatusCode.Created);
        await Expect(server, HttpMethod.Post, "/api/rules/mayday/disable", null, HttpStatusCode.OK);
        await using var client = await server.ConnectClient();
        await client.SubscribeAlerts();
        var (held, brief, marker) = (Icao.New(), Icao.New(), Icao.New());

        // One connection keeps the lines in order. The marker squawks after the brief one was cancelled, so its hold
        // ends after the brief squawk's would have: once the marker's alert is in, a missed cancel would have shown.
        var now = DateTimeOffset.UtcNow;
        await server.PushSbs(
            Sbs.Squawk(held, "7500", emergency: true, now),
            Sbs.Squawk(brief, "7500", emergency: true, now),
            Sbs.Squawk(brief, "1200", emergency: false, now.AddMilliseconds(300)),
            Sbs.Squawk(marker, "7500", emergency: false, now.AddMilliseconds(600)));

        var frame = await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == held), "the squawk alert");
        var alert = frame.Alerts.Single(a => a.Icao == held);
        Assert.Equal(("hijack", AlertTriggerKind.Squawk, "7500"), (alert.RuleId, alert.Trigger, alert.Squawk));
        var squawkedAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero); // SBS carries milliseconds
        Assert.Equal(squawkedAt.AddSeconds(1), alert.At);

        await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == marker), "the marker's squawk alert");
        var all = (await server.GetJson<AlertPage>("/api/alerts"))!.Alerts;
        Assert.Equal([marker, held], all.Select(a => a.Icao));
        Assert.DoesNotContain(client.Received.SelectMany(f => f.Alerts), a => a.RuleId == "mayday" || a.Icao == brief);
    }

    [Fact]
    public async Task A_squawk_change_in_a_report_whose_position_is_suspect_still_raises_the_alert()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: Settings());
        await Expect(server, HttpMethod.Post, "/api/rules", RuleWithoutWebhooks("radio-failure", """{ "kind": "squawk", "codes": ["7600"] }"""), HttpStatusCode.Created);
        await using var client = await server.ConnectClient();
        await client.SubscribeAlerts("radio-failure");
        var icao = Icao.New();
        var t = DateTimeOffset.UtcNow.AddSeconds(-10);

        // The second line's position is 300 nm from the first 5 s later (suspect); its squawk 7600 is not.
        var s = Sbs.Stamp(t.AddSeconds(5));
        await server.PushSbs(
            Sbs.Position(icao, 26.3, -110.4, 30000, t),
            FormattableString.Invariant($"MSG,3,1,1,{icao},1,{s},{s},,30000,,,31.30000,-110.40000,,7600,0,0,0,0"),
            Sbs.Position(icao, 26.31, -110.4, 30000, t.AddSeconds(6)));

        var frame = await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == icao), "the squawk 7600 alert");
        var alert = frame.Alerts.Single(a => a.Icao == icao);
        var state = (await server.GetJson<AircraftState>($"/api/aircraft/{icao}"))!;
        Assert.Equal(("radio-failure", "7600"), (alert.RuleId, alert.Squawk));
        Assert.Equal(1, state.Suspect);
        Assert.Equal("7600", state.Squawk?.Value);
    }

    [Fact]
    public async Task Rules_and_alert_history_survive_a_restart_and_history_pages_by_cursor()
    {
        var settings = Settings();
        var icaos = new[] { Icao.New(), Icao.New(), Icao.New() };
        await using (var server = await LiveTrackTestServer.StartAsync(settings: settings))
        {
            await CreateFence(server);
            await Expect(server, HttpMethod.Post, "/api/rules", RuleWithoutWebhooks("kept", $$"""{ "kind": "geofence", "tag": "watch" }"""), HttpStatusCode.Created);
            await using var client = await server.ConnectClient();
            await client.SubscribeAlerts();
            foreach (var icao in icaos)
            {
                await EnterBox(server, icao);
                await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == icao), $"the alert for {icao}");
            }
        }

        // Same stores, new process state. (The fence store is per server, so only the rule and history are checked.)
        await using var restarted = await LiveTrackTestServer.StartAsync(settings: settings);
        using var rule = JsonDocument.Parse(await restarted.Http.GetStringAsync("/api/rules/kept"));
        Assert.Equal("watch", rule.RootElement.GetProperty("trigger").GetProperty("tag").GetString());

        var first = (await restarted.GetJson<AlertPage>("/api/alerts?rule=kept&limit=2"))!;
        Assert.Equal([icaos[2], icaos[1]], first.Alerts.Select(a => a.Icao));
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(restarted, HttpMethod.Delete, "/api/rules/..%2F..%2Fkept")).StatusCode);
        Assert.NotNull(first.Next);
        var second = (await restarted.GetJson<AlertPage>($"/api/alerts?rule=kept&limit=2&cursor={first.Next}"))!;
        Assert.Equal([icaos[0]], second.Alerts.Select(a => a.Icao));
        Assert.Null(second.Next);
        Assert.Equal(30.0, second.Alerts[0].Events[0].Crossing!.Value.Latitude, 3);

        var bad = await restarted.Http.GetAsync("/api/alerts?from=yesterday&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("limit", out _));
    }
}
