using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Server.Tests;

/// <summary>POST /api/imports end to end: upload, background import, status, history, events, verdicts, alerts.</summary>
public sealed class ImportsApiTests
{
    // The box 26..27 N, 111..110 W.
    private const string Fence = """
        { "type": "Feature", "id": "import-box", "properties": { "name": "Import box" },
          "geometry": { "type": "Polygon", "coordinates": [[[-111, 26], [-110, 26], [-110, 27], [-111, 27], [-111, 26]]] } }
        """;

    /// <summary>Northbound through the box along 110.5 W, 25.90 → 27.10 N, one report every 10 s (~1,080 kt), with a callsign.</summary>
    private static List<string> Crossing(string icao, DateTimeOffset start, string callsign = "IMPORT1") =>
    [
        Sbs.Identification(icao, callsign, start),
        .. Enumerable.Range(0, 25).Select(i => Sbs.Position(icao, 25.90 + (0.05 * i), -110.5, 30000, start.AddSeconds(10 * i))),
    ];

    private static DateTimeOffset Millis(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    [Fact]
    public async Task An_imported_sbs_log_is_recorded_with_its_own_times_its_events_marked_imported_and_answers_a_verdict()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        await CreateFence(server);
        var icao = Icao.New();
        var start = Millis(DateTimeOffset.UtcNow.AddHours(-2).AddMilliseconds(123));
        var lines = Crossing(icao, start);
        lines.Insert(5, $"MSG,3,1,1,{icao},1,{Sbs.Stamp(start)},{Sbs.Stamp(start)},,30000,,,not-a-latitude,-110.5,,,0,0,0,0");

        var (location, accepted) = await Upload(server, Encoding.ASCII.GetBytes(string.Join('\n', lines) + "\n"), "recording.sbs");
        Assert.Equal("Queued", accepted.RootElement.GetProperty("state").GetString());
        using var status = await WaitUntilFinished(server, location);
        var root = status.RootElement;
        Assert.Equal("Completed", root.GetProperty("state").GetString());
        Assert.Equal(27, root.GetProperty("recordsRead").GetInt64());
        Assert.Equal(26, root.GetProperty("recordsAccepted").GetInt64());
        Assert.Equal(1, root.GetProperty("recordsRejected").GetInt64());
        var rejection = Assert.Single(root.GetProperty("rejections").EnumerateArray());
        Assert.Contains("line 6", Assert.Single(rejection.GetProperty("samples").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(25, root.GetProperty("positionsWritten").GetInt64());
        Assert.Equal(2, root.GetProperty("eventsWritten").GetInt64());
        Assert.Equal(1, root.GetProperty("aircraft").GetInt32());
        Assert.Equal(start, root.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(start.AddSeconds(240), root.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(1.0, root.GetProperty("progress").GetDouble());

        // Never live: no aircraft state, yet its track, events and verdict answer.
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync($"/api/aircraft/{icao}")).StatusCode);
        var from = Uri.EscapeDataString(start.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
        using var track = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/aircraft/{icao}/track?from={from}"));
        var positions = track.RootElement.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(25, positions.Count);
        Assert.All(positions, p => Assert.True(p.GetProperty("imported").GetBoolean()));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => start.AddSeconds(10 * i)), positions.Select(p => p.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(root.GetProperty("feed").GetString(), positions[0].GetProperty("feed").GetString());

        using var events = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/events?icao={icao}&from={from}"));
        var stored = events.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["Entered", "Exited"], stored.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(stored, e => Assert.True(e.GetProperty("imported").GetBoolean()));
        Assert.Equal(26.0, stored[0].GetProperty("crossing").GetProperty("latitude").GetDouble(), 3);

        using var verdict = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/verdicts?icao={icao}&fence=import-box&positions=false"));
        Assert.Equal("entered", verdict.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("IMPORT1", verdict.RootElement.GetProperty("callsign").GetString());

        using var list = JsonDocument.Parse(await server.Http.GetStringAsync("/api/imports"));
        Assert.Contains(list.RootElement.GetProperty("imports").EnumerateArray(), i => location.EndsWith(i.GetProperty("id").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_track_imported_and_pushed_live_gives_the_same_events()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        await CreateFence(server);
        var live = Icao.New();
        var imported = Icao.New();
        var start = Millis(DateTimeOffset.UtcNow.AddMinutes(-10));

        await server.PushSbs([.. Crossing(live, start)]);
        var (location, _) = await Upload(server, Encoding.ASCII.GetBytes(string.Join('\n', Crossing(imported, start)) + "\n"), "same.sbs");
        using (var status = await WaitUntilFinished(server, location))
        {
            Assert.Equal("Completed", status.RootElement.GetProperty("state").GetString());
        }

        var liveEvents = await WaitForEvents(server, live, 2);
        var importedEvents = await WaitForEvents(server, imported, 2);
        Assert.Equal(liveEvents.Select(Key), importedEvents.Select(Key));
        Assert.All(liveEvents, e => Assert.False(e.GetProperty("imported").GetBoolean()));
        Assert.All(importedEvents, e => Assert.True(e.GetProperty("imported").GetBoolean()));

        static string Key(JsonElement e) => string.Join(
            '|',
            e.GetProperty("kind").GetString(),
            e.GetProperty("fenceId").GetString(),
            e.GetProperty("at").GetDateTimeOffset().ToString("O", CultureInfo.InvariantCulture),
            e.GetProperty("crossing").GetProperty("latitude").GetDouble().ToString("F9", CultureInfo.InvariantCulture),
            e.GetProperty("crossing").GetProperty("longitude").GetDouble().ToString("F9", CultureInfo.InvariantCulture),
            e.GetProperty("boundary").GetString());
    }

    [Fact]
    public async Task A_truncated_gzip_upload_fails_with_nothing_written_unless_partial_keeps_what_precedes_the_cut()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var icao = Icao.New();
        var text = string.Join('\n', Crossing(icao, Millis(DateTimeOffset.UtcNow.AddHours(-3)))) + "\n";
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(text, 20))));
        }

        var truncated = buffer.ToArray()[..(int)(buffer.Length * 2 / 3)];

        var (strict, _) = await Upload(server, truncated, "cut.sbs.gz");
        using (var status = await WaitUntilFinished(server, strict))
        {
            var root = status.RootElement;
            Assert.Equal("Failed", root.GetProperty("state").GetString());
            Assert.Contains("Nothing was written", root.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, root.GetProperty("filesWithProblems").GetInt32());
            Assert.Contains("cut.sbs.gz", Assert.Single(root.GetProperty("fileProblems").EnumerateArray()).GetProperty("samples")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(0, root.GetProperty("positionsWritten").GetInt64());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync($"/api/aircraft/{icao}/track")).StatusCode);

        var (partial, _) = await Upload(server, truncated, "cut.sbs.gz", "partial=true");
        using (var status = await WaitUntilFinished(server, partial))
        {
            var root = status.RootElement;
            Assert.Equal("Completed", root.GetProperty("state").GetString());
            Assert.Equal(1, root.GetProperty("filesWithProblems").GetInt32());
            Assert.True(root.GetProperty("positionsWritten").GetInt64() > 0);
        }
    }

    [Fact]
    public async Task Imported_events_reach_the_live_alert_rules_only_when_the_import_asks()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        await CreateFence(server);
        await Send(server, HttpMethod.Post, "/api/rules", """
            { "id": "import-entry", "trigger": { "kind": "geofence", "fenceId": "import-box", "events": ["entered"] }, "filter": { "icao": ["500000-5fffff"] } }
            """, HttpStatusCode.Created);
        var quiet = Icao.New();
        var loud = Icao.New();
        var start = Millis(DateTimeOffset.UtcNow.AddMinutes(-30));
        await using var client = await server.ConnectClient();
        await client.SubscribeAlerts("import-entry");

        var (first, _) = await Upload(server, Encoding.ASCII.GetBytes(string.Join('\n', Crossing(quiet, start)) + "\n"), "quiet.sbs");
        (await WaitUntilFinished(server, first)).Dispose();
        var (second, _) = await Upload(server, Encoding.ASCII.GetBytes(string.Join('\n', Crossing(loud, start)) + "\n"), "loud.sbs", "alerts=true");
        (await WaitUntilFinished(server, second)).Dispose();

        // The alert reaches a live client subscribed to the rule, as a live one does.
        var frame = await client.WaitForFrame(f => f.Alerts.Any(a => a.Icao == loud), "the alert of the import that asked for alerts", TimeSpan.FromSeconds(30));
        Assert.Equal("import-entry", frame.Alerts.First(a => a.Icao == loud).RuleId);
        Assert.DoesNotContain(client.Received.SelectMany(f => f.Alerts), a => a.Icao == quiet);

        // The quiet import's events were stored before the loud one's reached the rule: none of them alerted.
        using var none = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/alerts?rule=import-entry&icao={quiet}"));
        Assert.Equal(0, none.RootElement.GetProperty("alerts").GetArrayLength());
        Assert.Equal(2, (await WaitForEvents(server, quiet, 2)).Count);
    }

    [Fact]
    public async Task Invalid_uploads_are_problems_naming_the_field_and_the_server_keeps_running()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?> { ["LiveTrack:Imports:MaxBodyBytes"] = "4096" });

        using (var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = new ByteArrayContent([1, 2, 3]) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.SendAsync(anonymous)).StatusCode);
        }

        await Problem(server, "/api/imports?format=kml", [1], HttpStatusCode.BadRequest, "format");
        await Problem(server, "/api/imports?alerts=maybe", [1], HttpStatusCode.BadRequest, "alerts");
        await Problem(server, "/api/imports?sbsUtcOffset=2h", [1], HttpStatusCode.BadRequest, "sbsUtcOffset");
        await Problem(server, "/api/imports", [], HttpStatusCode.BadRequest, "body");
        await Problem(server, "/api/imports", new byte[5000], HttpStatusCode.RequestEntityTooLarge, "body");

        var unknown = await server.Http.GetAsync("/api/imports/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var badWait = await server.Http.GetAsync("/api/imports/0123456789abcdef?wait=61s");
        Assert.Equal(HttpStatusCode.BadRequest, badWait.StatusCode);
        using (var problem = JsonDocument.Parse(await badWait.Content.ReadAsStringAsync()))
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("wait", out _), problem.RootElement.ToString());
        }

        // Garbage is accepted for import, then fails with the reason, and the server answers on.
        var (location, _) = await Upload(server, Encoding.ASCII.GetBytes("this is not a recording\n"), "garbage.txt");
        using var status = await WaitUntilFinished(server, location);
        Assert.Equal("Failed", status.RootElement.GetProperty("state").GetString());
        Assert.Contains("unrecognised format", status.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_sends_a_recorded_trace_to_the_server_and_prints_the_summary()
    {
        await using var server = await LiveTrackTestServer.StartAsync();
        var icao = Icao.New();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var seconds = start.ToUnixTimeMilliseconds() / 1000;
        // A readsb trace_full file, gzip-compressed and named .json as readsb writes it: 10 points 5 s apart.
        var rows = string.Join(",", Enumerable.Range(0, 10).Select(i => FormattableString.Invariant($"[{i * 5}.25,26.0{i}0000,-110.5,30000,450.0,0.0,0,0,null,\"adsb_icao\",null,null,null,null]")));
        var trace = $$"""{"icao":"{{icao}}","timestamp":{{seconds}},"trace":[{{rows}}]}""";
        var path = Path.Combine(Path.GetTempPath(), $"trace_full_{icao}-{Guid.NewGuid():N}.json");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            await gzip.WriteAsync(Encoding.ASCII.GetBytes(trace));
        }

        try
        {
            var (exit, output, errors) = await Cli("--server", server.BaseAddress.ToString(), "--api-key", LiveTrackTestServer.ApiKey, "--format", "trace", path);
            Assert.True(exit == 0, $"exit {exit}\n{output}\n{errors}");
            Assert.Contains("(Completed)", output, StringComparison.Ordinal);
            Assert.Contains("10 read: 10 accepted, 0 rejected", output, StringComparison.Ordinal);
            Assert.Contains("Written:    10 positions", output, StringComparison.Ordinal);
            Assert.Contains("sent", errors, StringComparison.Ordinal);

            using var track = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/aircraft/{icao}/track"));
            var first = track.RootElement.GetProperty("positions")[0];
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds).AddMilliseconds(250), first.GetProperty("at").GetDateTimeOffset());
            Assert.True(first.GetProperty("imported").GetBoolean());

            var (refused, _, why) = await Cli("--server", server.BaseAddress.ToString(), "--api-key", "wrong-key", path);
            Assert.True(refused == 4, why);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs the built livetrack-import (its own process, as a user runs it); standard output and error are redirected.</summary>
    private static async Task<(int Exit, string Output, string Errors)> Cli(params string[] args)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/LiveTrack.Server.Tests/bin/<Configuration>/net10.0/
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "LiveTrack.Import.Cli", "bin", here.Parent!.Name, here.Name, "livetrack-import.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static Task CreateFence(LiveTrackTestServer server) => Send(server, HttpMethod.Post, "/api/geofences", Fence, HttpStatusCode.Created);

    private static async Task Send(LiveTrackTestServer server, HttpMethod method, string path, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        var response = await server.Http.SendAsync(request);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string Location, JsonDocument Status)> Upload(LiveTrackTestServer server, byte[] body, string name, string? query = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/imports?name={Uri.EscapeDataString(name)}{(query is null ? "" : "&" + query)}")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/api/imports/[0-9a-f]{32}$", location);
        return (location, JsonDocument.Parse(text));
    }

    private static async Task Problem(LiveTrackTestServer server, string path, byte[] body, HttpStatusCode expected, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
        var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var named = problem.RootElement.TryGetProperty("errors", out var errors) ? errors.TryGetProperty(field, out _) : problem.RootElement.GetProperty("field").GetString() == field;
        Assert.True(named, text);
    }

    /// <summary>
    /// Follows the import as a client does: <c>GET {location}?wait=60s</c> answers once it has finished (each request
    /// held by the server until then); the test's timeout only guards against a hang.
    /// </summary>
    private static async Task<JsonDocument> WaitUntilFinished(LiveTrackTestServer server, string location)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var status = JsonDocument.Parse(await server.Http.GetStringAsync($"{location}?wait=60s", timeout.Token));
            if (status.RootElement.GetProperty("state").GetString() is "Completed" or "Failed")
            {
                Assert.True(status.RootElement.TryGetProperty("finishedAt", out var finished) && finished.ValueKind == JsonValueKind.String, status.RootElement.ToString());
                return status;
            }

            // Only a wait that ran its whole 60 s answers an unfinished import.
            status.Dispose();
        }
    }

    private static async Task<List<JsonElement>> WaitForEvents(LiveTrackTestServer server, string icao, int count)
    {
        using var writes = new HistoryWrites(server);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture));
        return await writes.Until(
            async cancellation =>
            {
                using var events = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/events?icao={icao}&from={from}", cancellation));
                var list = events.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
                return list.Count >= count ? list : null;
            },
            $"{count} stored events of {icao}");
    }
}
