using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace LiveTrack.Server.Tests;

/// <summary>
/// The map page in a real headless Chromium against a real server running the simulator with Mexico's national
/// airspace: what a user sees, checked through the page's own state (<c>window.livetrack</c>) and its DOM.
/// Screenshots go to tests/TestResults/screenshots.
/// </summary>
[Collection(MapPageCollection.Name)]
public sealed class MapPageTests(MapPageFixture fixture)
{
    private LiveTrackTestServer Server => fixture.Server;

    private HeadlessChromium Browser => fixture.Browser;

    [Fact]
    public async Task The_map_loads_offline_with_the_basemap_the_national_airspace_and_the_simulated_aircraft_at_their_positions()
    {
        await Browser.Resize(1400, 900);
        await Browser.Navigate(new Uri(Server.BaseAddress, "/?lat=26.2&lon=-110.6&zoom=6"));
        await Browser.WaitUntil("window.livetrack && livetrack.ready && livetrack.status === 'connected'", TimeSpan.FromSeconds(30));

        // Natural Earth land and borders (world-atlas through topojson-client), drawn from files the server serves.
        var land = (int)(await Browser.Evaluate("livetrack.layers.land.getSource().getFeatures().length + livetrack.layers.countries.getSource().getFeatures().length"))!;
        Assert.Equal(2, land);
        var polygons = (int)(await Browser.Evaluate("livetrack.layers.land.getSource().getFeatures()[0].getGeometry().getPolygons().length"))!;
        Assert.True(polygons > 100, $"{polygons} land polygons");
        var foreign = (string?)await Browser.Evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.origin !== location.origin && u.protocol !== 'data:').map(u => u.href).join(' ')");
        Assert.Equal(string.Empty, foreign);

        // Mexico's national airspace drawn, named, with its provenance.
        await Browser.WaitUntil("!!livetrack.layers.fences.getSource().getFeatureById('national-airspace-mex')");
        var listed = (string?)await Browser.WaitUntil("document.querySelector('#fence-list li[data-fence=\"national-airspace-mex\"]')?.textContent");
        Assert.Contains("Mexican national airspace", listed, StringComparison.Ordinal);
        Assert.Contains("© OpenStreetMap contributors", listed, StringComparison.Ordinal);
        Assert.Contains("@osm_borders/maritime_1000m v1.1.0", listed, StringComparison.Ordinal);

        // The reconnaissance orbit and the civil flights in view are features where the server says they are.
        await Browser.WaitUntil("!!livetrack.positionOf('ae01c5') && livetrack.aircraft.size >= 2", TimeSpan.FromSeconds(30));
        var offsets = await Browser.Evaluate("""
            (async () => {
              const listed = await (await fetch('api/aircraft')).json();
              return listed.aircraft.filter(a => a.latitude != null && livetrack.positionOf(a.icao)).map(a => {
                const [lon, lat] = livetrack.positionOf(a.icao);
                return { icao: a.icao, offset: Math.max(Math.abs(lat - a.latitude), Math.abs(lon - a.longitude)) };
              });
            })()
            """);
        var compared = offsets!.AsArray();
        Assert.Contains(compared, o => (string?)o!["icao"] == "ae01c5");
        Assert.All(compared, o => Assert.True((double)o!["offset"]! < 0.05, $"{o["icao"]} is {o["offset"]}° from its reported position"));
        var row = (string?)await Browser.WaitUntil("document.querySelector('#aircraft tr[data-icao=\"ae01c5\"]')?.innerText");
        Assert.Contains("JAKE21", row, StringComparison.Ordinal);
        await Browser.Screenshot(Screenshots.PathOf("map-overview.png"));

        // The subscription follows the map: panning far away re-subscribes to the new area and drops the orbit.
        var before = (string?)await Browser.Evaluate("livetrack.areaSubscription");
        await Browser.Evaluate("livetrack.map.getView().setCenter(ol.proj.fromLonLat([10, 50])), true");
        await Browser.WaitUntil($"livetrack.areaSubscription && livetrack.areaSubscription !== {JsonSerializer.Serialize(before)} && !livetrack.aircraft.has('ae01c5')");
        var area = (await Browser.Evaluate("livetrack.area"))!.AsArray().Select(v => (double)v!).ToArray();
        Assert.InRange(area[0], -20, 10);
        Assert.InRange(area[2], 10, 40);
        Assert.Contains("lon=10.0000", (string?)await Browser.Evaluate("location.search"), StringComparison.Ordinal);

        // Readable on a phone: the panel goes under the map and nothing is wider than the screen.
        await Browser.Resize(390, 844, mobile: true);
        await Browser.Navigate(new Uri(Server.BaseAddress, "/?lat=26.2&lon=-110.6&zoom=6"));
        await Browser.WaitUntil("window.livetrack && livetrack.ready && !!livetrack.positionOf('ae01c5')", TimeSpan.FromSeconds(30));
        var layout = await Browser.Evaluate("({ mapBottom: document.getElementById('map').getBoundingClientRect().bottom, panelTop: document.getElementById('panel').getBoundingClientRect().top, width: document.documentElement.scrollWidth })");
        Assert.True((double)layout!["panelTop"]! >= (double)layout["mapBottom"]! - 1, layout.ToJsonString());
        Assert.True((double)layout["width"]! <= 391, layout.ToJsonString());
        await Browser.Screenshot(Screenshots.PathOf("map-phone.png"));
        await Browser.Resize(1400, 900);
    }

    [Fact]
    public async Task Selecting_an_aircraft_shows_every_field_with_its_age_and_feed_the_fences_it_is_in_and_its_recorded_track()
    {
        await Browser.Resize(1400, 900);
        await Browser.Navigate(new Uri(Server.BaseAddress, "/?lat=26.2&lon=-110.6&zoom=7"));
        await Browser.WaitUntil("window.livetrack && livetrack.ready && !!document.querySelector('#aircraft tr[data-icao=\"ae01c5\"]')", TimeSpan.FromSeconds(30));

        // Keyboard: focus the table row and press Enter.
        await Browser.Evaluate("""
            (() => {
              const row = document.querySelector('#aircraft tr[data-icao="ae01c5"]');
              row.focus();
              row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
              return true;
            })()
            """);
        var title = (string?)await Browser.WaitUntil("livetrack.selected === 'ae01c5' && livetrack.selectedDetail && document.getElementById('selected-title').textContent");
        Assert.StartsWith("JAKE21 · ae01c5", title, StringComparison.Ordinal);
        Assert.Contains("icao=ae01c5", (string?)await Browser.Evaluate("location.search"), StringComparison.Ordinal);

        // Each field with its value, age and feed (the position as one field, like the API gives it).
        var position = (await Browser.WaitUntil("(r => r && [...r.cells].map(c => c.textContent))(document.querySelector('#selected-state tr[data-field=\"position\"]'))"))!.AsArray();
        Assert.Matches(@"^latitude 2\d\.\d+, longitude -1\d\d\.\d+, source Adsb$", (string?)position[1]);
        Assert.EndsWith(" s", (string?)position[2], StringComparison.Ordinal);
        Assert.Equal("sim", (string?)position[3]);
        var fields = (string?)await Browser.Evaluate("[...document.querySelectorAll('#selected-state tr')].map(r => r.dataset.field).join(',')");
        foreach (var field in new[] { "callsign", "barometricAltitudeFeet", "groundSpeedKnots", "trackDegrees", "squawk", "lastFeed", "identity.registration", "identity.military" })
        {
            Assert.Contains(field, fields!.Split(','));
        }

        // Its recorded track from the history API, drawn; the live positions extend it.
        var points = (int)(await Browser.WaitUntil("livetrack.trackPoints > 1 && livetrack.layers.track.getSource().getFeatures().length > 0 && livetrack.trackPoints", TimeSpan.FromSeconds(20)))!;
        Assert.True(points > 1);
        await Browser.WaitUntil($"livetrack.trackPoints > {points}");
        var inside = (string?)await Browser.Evaluate("document.getElementById('selected-fences').textContent");
        Assert.False(string.IsNullOrWhiteSpace(inside));
        await Browser.Screenshot(Screenshots.PathOf("map-selected-aircraft.png"));

        // Escape deselects.
        await Browser.Evaluate("document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })), true");
        await Browser.WaitUntil("livetrack.selected === null && livetrack.layers.track.getSource().getFeatures().length === 0");
    }

    [Fact]
    public async Task The_verdict_view_draws_the_track_the_fence_and_the_closest_approach_and_states_the_verdict_for_a_prepared_track()
    {
        // A prepared track: 21 reports 5 s apart along 26.40°N passing 3 nm south of a box whose south edge is 26.45°N.
        var icao = Icao.New();
        var fenceId = $"verdict-box-{icao}";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences"))
        {
            request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            request.Content = new StringContent($$"""{ "type": "Feature", "id": "{{fenceId}}", "properties": { "name": "Verdict box" }, "geometry": { "type": "Polygon", "coordinates": [[[-110.55, 26.45], [-110.45, 26.45], [-110.45, 26.6], [-110.55, 26.6], [-110.55, 26.45]]] } }""", System.Text.Encoding.UTF8, "application/geo+json");
            (await Server.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var start = DateTimeOffset.UtcNow.AddSeconds(-120);
        var lines = new List<string> { Sbs.Identification(icao, "SPOT21", start) };
        for (var i = 0; i <= 20; i++)
        {
            lines.Add(Sbs.Position(icao, 26.40, -110.65 + (i * 0.015), 24000, start.AddSeconds(i * 5)));
        }

        using var writes = new HistoryWrites(Server);
        await Server.PushSbs([.. lines]);
        var expected = await RecordedVerdict(writes, icao, fenceId, 21);

        await Browser.Resize(1400, 900);
        await Browser.Navigate(new Uri(Server.BaseAddress, $"/?fence={fenceId}&lat=26.45&lon=-110.5&zoom=9"));
        await Browser.WaitUntil($"window.livetrack && livetrack.ready && !!document.querySelector('#verdict-fence option[value=\"{fenceId}\"]')", TimeSpan.FromSeconds(30));
        await Browser.Evaluate($$"""
            (() => {
              document.getElementById('tab-verdict').click();
              document.getElementById('verdict-icao').value = '{{icao}}';
              document.getElementById('verdict-fence').value = '{{fenceId}}';
              document.getElementById('verdict-form').requestSubmit();
              return true;
            })()
            """);
        await Browser.WaitUntil("livetrack.verdict && livetrack.verdictFeatures > 0 && document.getElementById('verdict-outcome').dataset.outcome", TimeSpan.FromSeconds(20));

        Assert.Equal("not-entered", (string?)await Browser.Evaluate("document.getElementById('verdict-outcome').dataset.outcome"));
        Assert.StartsWith("Did not enter: SPOT21 and Verdict box", (string?)await Browser.Evaluate("document.getElementById('verdict-outcome').textContent"), StringComparison.Ordinal);
        Assert.Equal(expected.GetProperty("summary").GetString(), (string?)await Browser.Evaluate("document.getElementById('verdict-summary').textContent"));
        Assert.Contains("drawn fence", (string?)await Browser.Evaluate("document.querySelector('#verdict-facts dd[data-fact=\"dataset\"]').textContent"), StringComparison.Ordinal);

        var evidence = ((string?)await Browser.Evaluate("livetrack.layers.verdict.getSource().getFeatures().map(f => f.get('evidence')).join(',')"))!.Split(',');
        foreach (var kind in new[] { "closest-approach-boundary-point", "closest-approach-line", "closest-approach-track-point", "fence", "track" })
        {
            Assert.Contains(kind, evidence);
        }

        Assert.DoesNotContain("crossing", evidence);
        var distance = (double)(await Browser.Evaluate("livetrack.layers.verdict.getSource().getFeatures().find(f => f.get('evidence') === 'closest-approach-line').get('distanceNm')"))!;
        Assert.Equal(expected.GetProperty("closestApproach").GetProperty("distanceNm").GetDouble(), distance, 6);
        Assert.InRange(distance, 2.9, 3.1);
        var closestText = (string?)await Browser.Evaluate("document.querySelector('#verdict-facts dd[data-fact=\"closest approach\"]').textContent");
        Assert.StartsWith(distance.ToString("F3", CultureInfo.InvariantCulture) + " nm", closestText, StringComparison.Ordinal);
        await Browser.Screenshot(Screenshots.PathOf("verdict-view.png"));

        // Exports: GeoJSON and KML of the evidence, and a PNG of the map with the verdict written under it.
        var geojson = await Browser.Evaluate("livetrack.evidenceGeoJson()");
        Assert.Equal("not-entered", (string?)geojson!["verdict"]!["outcome"]);
        Assert.Contains(geojson["features"]!.AsArray(), f => (string?)f!["properties"]!["evidence"] == "track" && (string?)f["geometry"]!["type"] == "LineString");
        var kml = (string?)await Browser.Evaluate("livetrack.evidenceKml()");
        Assert.Contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">", kml, StringComparison.Ordinal);
        Assert.Contains("<name>closest-approach-line</name>", kml, StringComparison.Ordinal);
        var png = (string?)await Browser.Evaluate("livetrack.mapPng()");
        Assert.StartsWith("data:image/png;base64,", png, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(png!["data:image/png;base64,".Length..]);
        Assert.True(bytes.Length > 20_000, $"{bytes.Length} bytes");
        Directory.CreateDirectory(Path.GetDirectoryName(Screenshots.PathOf("verdict-export.png"))!);
        await File.WriteAllBytesAsync(Screenshots.PathOf("verdict-export.png"), bytes);
    }

    [Fact]
    public async Task A_verdict_over_a_coverage_gap_that_could_hide_an_entry_is_undetermined_and_the_page_draws_the_gap_and_its_reachable_area()
    {
        // 26.40°N eastbound at ~580 kt, 3 nm south of a box (south edge 26.45°N), with no reports for 70 s while it
        // passes the box: the reachable ellipse of the gap (foci ~11.3 nm apart, reach ~14 nm at 1.25 × the observed
        // speed) is ~4.2 nm wide on each side of the track, so an entry could hide in it.
        var icao = Icao.New();
        var fenceId = $"gap-box-{icao}";
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences"))
        {
            request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            request.Content = new StringContent($$"""{ "type": "Feature", "id": "{{fenceId}}", "properties": { "name": "Gap box" }, "geometry": { "type": "Polygon", "coordinates": [[[-110.55, 26.45], [-110.45, 26.45], [-110.45, 26.6], [-110.55, 26.6], [-110.55, 26.45]]] } }""", System.Text.Encoding.UTF8, "application/geo+json");
            (await Server.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var start = DateTimeOffset.UtcNow.AddSeconds(-120);
        var seen = new[] { 0, 1, 2, 3, 17, 18, 19, 20 };
        var lines = new List<string> { Sbs.Identification(icao, "GAPP21", start) };
        lines.AddRange(seen.Select(i => Sbs.Position(icao, 26.40, -110.65 + (i * 0.015), 24000, start.AddSeconds(i * 5))));
        using var writes = new HistoryWrites(Server);
        await Server.PushSbs([.. lines]);
        var expected = await RecordedVerdict(writes, icao, fenceId, seen.Length);
        Assert.Equal("undetermined", expected.GetProperty("outcome").GetString());

        await Browser.Resize(1400, 900);
        await Browser.Navigate(new Uri(Server.BaseAddress, $"/?fence={fenceId}&lat=26.45&lon=-110.5&zoom=9"));
        await Browser.WaitUntil($"window.livetrack && livetrack.ready && !!document.querySelector('#verdict-fence option[value=\"{fenceId}\"]')", TimeSpan.FromSeconds(30));
        await Browser.Evaluate($$"""
            (() => {
              document.getElementById('tab-verdict').click();
              document.getElementById('verdict-icao').value = '{{icao}}';
              document.getElementById('verdict-fence').value = '{{fenceId}}';
              document.getElementById('verdict-form').requestSubmit();
              return true;
            })()
            """);
        await Browser.WaitUntil("livetrack.verdict && livetrack.verdictFeatures > 0 && document.getElementById('verdict-outcome').dataset.outcome", TimeSpan.FromSeconds(20));

        Assert.Equal("undetermined", (string?)await Browser.Evaluate("document.getElementById('verdict-outcome').dataset.outcome"));
        Assert.StartsWith("Undetermined: GAPP21 and Gap box", (string?)await Browser.Evaluate("document.getElementById('verdict-outcome').textContent"), StringComparison.Ordinal);
        Assert.Equal(expected.GetProperty("summary").GetString(), (string?)await Browser.Evaluate("document.getElementById('verdict-summary').textContent"));
        Assert.StartsWith("1 (1 can hide an entry; 1 reachable areas drawn)", (string?)await Browser.Evaluate("document.querySelector('#verdict-facts dd[data-fact=\"coverage gaps\"]').textContent"), StringComparison.Ordinal);
        Assert.NotEqual("—", (string?)await Browser.Evaluate("document.querySelector('#verdict-facts dd[data-fact=\"reasons\"]').textContent"));

        // The gap: a dashed line between the reports around it, 70 s long, and its reachable area reaching the fence.
        var gap = await Browser.Evaluate("""
            (() => {
              const features = livetrack.layers.verdict.getSource().getFeatures();
              const line = features.find(f => f.get('evidence') === 'gap');
              const area = features.find(f => f.get('evidence') === 'gap-reachable-area');
              const fence = features.find(f => f.get('evidence') === 'fence');
              return { seconds: line.get('seconds'), canHideEntry: line.get('canHideEntry'), reaches: !!area && area.getGeometry().intersectsExtent(fence.getGeometry().getExtent()) };
            })()
            """);
        Assert.Equal(70, (double)gap!["seconds"]!, 3);
        Assert.True((bool)gap["canHideEntry"]!);
        Assert.True((bool)gap["reaches"]!);
        var gapJson = Assert.Single(expected.GetProperty("gaps").EnumerateArray());
        Assert.True(gapJson.GetProperty("canHideEntry").GetBoolean());
        await Browser.Screenshot(Screenshots.PathOf("verdict-gap-undetermined.png"));
    }

    [Fact]
    public async Task Labels_of_aircraft_on_top_of_each_other_are_decluttered_and_the_selected_aircraft_keeps_its_label()
    {
        // Six aircraft within ~200 m of each other (under a pixel apart at zoom 11) and one 15 km east of them.
        var cluster = Enumerable.Range(0, 6).Select(_ => Icao.New()).ToList();
        var lone = Icao.New();
        var lines = cluster.SelectMany((icao, i) => new[] { Sbs.Identification(icao, $"CLUS{i:00}"), Sbs.Position(icao, 24.5 + (i * 0.0003), -105.5, 30000 + (i * 100)) })
            .Concat([Sbs.Identification(lone, "LONE01"), Sbs.Position(lone, 24.5, -105.35, 30000)])
            .ToArray();

        await Browser.Resize(1400, 900);
        await Browser.Navigate(new Uri(Server.BaseAddress, "/?lat=24.5&lon=-105.43&zoom=11"));
        await Browser.WaitUntil("window.livetrack && livetrack.ready && livetrack.status === 'connected' && !!livetrack.areaSubscription", TimeSpan.FromSeconds(30));
        await Server.PushSbs(lines);
        var all = JsonSerializer.Serialize(cluster.Append(lone));
        await Browser.WaitUntil($"{all}.every(i => !!livetrack.positionOf(i)) && livetrack.labelBoxes.some(b => b.icao === '{lone}')", TimeSpan.FromSeconds(20));

        var labelled = await ShownLabels();
        Assert.Single(labelled.Keys.Intersect(cluster));
        Assert.Contains(lone, labelled.Keys);
        Assert.True((int)(await Browser.Evaluate("livetrack.labelsHidden"))! >= cluster.Count - 1);
        AssertNoOverlap(labelled);

        // Selecting one whose label was hidden: its label is placed first and shows; the cluster still shows one.
        var hidden = cluster.First(c => !labelled.ContainsKey(c));
        await Browser.WaitUntil($"!!document.querySelector('#aircraft tr[data-icao=\"{hidden}\"]')");
        await Browser.Evaluate($$"""
            (() => {
              const row = document.querySelector('#aircraft tr[data-icao="{{hidden}}"]');
              row.focus();
              row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
              return true;
            })()
            """);
        await Browser.WaitUntil($"livetrack.selected === '{hidden}' && livetrack.labelBoxes.some(b => b.icao === '{hidden}')");
        labelled = await ShownLabels();
        Assert.Equal([hidden], labelled.Keys.Intersect(cluster));
        AssertNoOverlap(labelled);
        await Browser.Screenshot(Screenshots.PathOf("map-decluttered-labels.png"));
        await Browser.Evaluate("document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })), true");
        await Browser.WaitUntil("livetrack.selected === null");

        async Task<Dictionary<string, double[]>> ShownLabels() =>
            (await Browser.Evaluate("livetrack.labelBoxes.map(b => ({ icao: b.icao, box: b.box }))"))!.AsArray()
                .ToDictionary(b => (string)b!["icao"]!, b => b!["box"]!.AsArray().Select(x => (double)x!).ToArray());

        static void AssertNoOverlap(Dictionary<string, double[]> boxes)
        {
            foreach (var (a, p) in boxes)
            {
                foreach (var (b, q) in boxes.Where(o => string.CompareOrdinal(o.Key, a) > 0))
                {
                    Assert.False(p[0] <= q[2] && q[0] <= p[2] && p[1] <= q[3] && q[1] <= p[3], $"the labels of {a} and {b} overlap");
                }
            }
        }
    }

    [Fact]
    public async Task The_official_client_decodes_a_MessagePack_frame_to_the_same_content_as_the_JSON_frame()
    {
        await Browser.Navigate(Server.BaseAddress);
        await Browser.WaitUntil("window.livetrack && livetrack.status === 'connected'", TimeSpan.FromSeconds(30));
        Assert.Equal("messagepack", (string?)await Browser.Evaluate("livetrack.protocol"));

        var icao = Icao.New();
        await Browser.Evaluate($$"""
            (async () => {
              const open = async (protocol) => {
                const builder = new signalR.HubConnectionBuilder().withUrl('hubs/tracking');
                if (protocol) { builder.withHubProtocol(protocol); }
                const connection = builder.build();
                const frames = [];
                connection.on('Positions', (f) => frames.push(f));
                await connection.start();
                await connection.invoke('SubscribeAircraft', '{{icao}}');
                return { connection, frames };
              };
              window.protocolCheck = { json: await open(null), msgpack: await open(new signalR.protocols.msgpack.MessagePackHubProtocol()) };
              return true;
            })()
            """);
        var at = DateTimeOffset.UtcNow;
        await Server.PushSbs(Sbs.Identification(icao, "MSGP01", at), Sbs.Velocity(icao, 431.5, 87.25, -640, at), Sbs.Position(icao, 25.12345, -109.54321, 27125, at));
        var pair = await Browser.WaitUntil($$"""
            (() => {
              const pick = (c) => c.frames.flatMap(f => f.aircraft).filter(a => a.icao === '{{icao}}' && a.latitude != null && a.callsign && a.groundSpeedKnots != null).pop();
              const j = pick(protocolCheck.json); const m = pick(protocolCheck.msgpack);
              if (!j || !m || j.positionAt !== m.positionAt || j.lastSeen !== m.lastSeen) { return null; }
              const sorted = (o) => Array.isArray(o) ? o.map(sorted) : o && typeof o === 'object' ? Object.fromEntries(Object.keys(o).sort().map(k => [k, sorted(o[k])])) : o;
              return { json: JSON.stringify(sorted(j)), msgpack: JSON.stringify(sorted(m)) };
            })()
            """);
        await Browser.Evaluate("Promise.all([protocolCheck.json.connection.stop(), protocolCheck.msgpack.connection.stop()]).then(() => true)");

        Assert.Equal((string?)pair!["json"], (string?)pair["msgpack"]);
        using var decoded = JsonDocument.Parse((string)pair["msgpack"]!);
        Assert.Equal(25.12345, decoded.RootElement.GetProperty("latitude").GetDouble(), 5);
        Assert.Equal("MSGP01", decoded.RootElement.GetProperty("callsign").GetString());
        Assert.Equal("Adsb", decoded.RootElement.GetProperty("positionSource").GetString());
    }

    [Fact]
    public async Task The_page_says_the_connection_is_lost_while_the_server_restarts_and_reconnects_by_itself()
    {
        // Two servers one after the other on the same address, as a restart gives.
        // The first binds port 0; the second binds the port the first had, once the first has released it.
        var first = await LiveTrackTestServer.StartAsync();
        var port = first.BaseAddress.Port;
        try
        {
            await Browser.Navigate(new Uri(first.BaseAddress, "/?lat=26.2&lon=-110.6&zoom=6"));
            await Browser.WaitUntil("window.livetrack && livetrack.ready && livetrack.status === 'connected'", TimeSpan.FromSeconds(30));
            var before = Icao.New();
            await first.PushSbs(Sbs.Position(before, 26.3, -110.4, 31000));
            await Browser.WaitUntil($"!!livetrack.positionOf('{before}')");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var banner = (string?)await Browser.WaitUntil("livetrack.status === 'reconnecting' && !document.getElementById('banner').hidden && document.getElementById('banner').textContent", TimeSpan.FromSeconds(30));
        Assert.Equal("Connection to the server lost — reconnecting. The aircraft shown are no longer updated.", banner);
        Assert.Equal("connection lost — reconnecting…", (string?)await Browser.Evaluate("document.getElementById('status').textContent"));
        await Browser.Screenshot(Screenshots.PathOf("map-connection-lost.png"));

        await using var second = await LiveTrackTestServer.StartAsync(configure: b => b.WebHost.UseUrls($"http://127.0.0.1:{port}"));
        await Browser.WaitUntil("livetrack.status === 'connected' && document.getElementById('banner').hidden && !!livetrack.areaSubscription", TimeSpan.FromSeconds(60));
        var after = Icao.New();
        await second.PushSbs(Sbs.Identification(after, "BACK01"), Sbs.Position(after, 26.31, -110.41, 30000));
        await Browser.WaitUntil($"!!livetrack.positionOf('{after}')", TimeSpan.FromSeconds(20));
        Assert.True((int)(await Browser.Evaluate("livetrack.reconnects"))! >= 1);
    }

    [Fact]
    public async Task When_reads_need_a_key_the_page_asks_for_one_and_connects_with_it_and_the_config_names_the_online_tiles()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Api:AnonymousReads"] = "false",
            // A loopback address where nothing listens: the page must not need the tiles.
            ["LiveTrack:Map:TileUrl"] = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png",
            ["LiveTrack:Map:TileAttribution"] = "Test tiles",
        });
        using var config = JsonDocument.Parse(await server.Http.GetStringAsync("/api/map/config"));
        Assert.Equal("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", config.RootElement.GetProperty("tileUrl").GetString());
        Assert.Equal("Test tiles", config.RootElement.GetProperty("tileAttribution").GetString());
        Assert.True(config.RootElement.GetProperty("apiKeyRequired").GetBoolean());

        await Browser.Navigate(new Uri(server.BaseAddress, "/?lat=26.2&lon=-110.6&zoom=6"));
        await Browser.WaitUntil("!!document.getElementById('key-form')", TimeSpan.FromSeconds(30));
        Assert.Equal("Tiles: Test tiles", (string?)await Browser.Evaluate("document.getElementById('tile-attribution').textContent"));
        await Browser.Evaluate($"document.getElementById('key-input').value = '{LiveTrackTestServer.ApiKey}', document.getElementById('key-form').requestSubmit(), true");
        try
        {
            await Browser.WaitUntil("window.livetrack && livetrack.status === 'connected' && livetrack.fencesLoaded", TimeSpan.FromSeconds(30));
            var icao = Icao.New();
            await server.PushSbs(Sbs.Position(icao, 26.3, -110.4, 31000));
            await Browser.WaitUntil($"!!livetrack.positionOf('{icao}')");
        }
        finally
        {
            await Browser.Evaluate("localStorage.removeItem('livetrack.apiKey'), true");
        }
    }

    /// <summary>The verdict the API gives once all of the track's reports are in the history store.</summary>
    private async Task<JsonElement> RecordedVerdict(HistoryWrites writes, string icao, string fenceId, int reports)
    {
        // The history writer flushes on its own interval: re-checked at each batch it writes, not on a timer.
        await writes.Until(
            async cancellation =>
            {
                using var response = await Server.Http.GetAsync($"/api/aircraft/{icao}/track", cancellation);
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }

                using var track = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
                return track.RootElement.GetProperty("count").GetInt32() >= reports ? (object)true : null;
            },
            $"the {reports} reports of {icao}");

        using var verdict = JsonDocument.Parse(await Server.Http.GetStringAsync($"/api/verdicts?icao={icao}&fence={fenceId}&positions=false"));
        return verdict.RootElement.Clone();
    }
}
