namespace LiveTrack.Server.Tests;

/// <summary>The page at / in a real headless Chromium, fed by SBS lines pushed to the server.</summary>
[Collection(ServerCollection.Name)]
public sealed class PageTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_page_shows_pushed_aircraft_moves_them_and_lists_an_SBS_pushed_event_and_its_alert_in_the_timeline()
    {
        var server = fixture.Server;
        var icao = Icao.New();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await browser.Navigate(server.BaseAddress);
        await browser.WaitUntil("document.getElementById('status').dataset.state === 'connected'");

        var earlier = DateTimeOffset.UtcNow.AddSeconds(-30);
        await server.PushSbs(Sbs.Identification(icao, "JAKE31", earlier), Sbs.Position(icao, 26.3, -110.4, 31000, earlier));
        var row = await browser.WaitUntil($"document.querySelector('tr[data-icao=\"{icao}\"]')?.innerText");
        await server.PushSbs(Sbs.Position(icao, 26.4, -110.5, 31000));
        var moved = await browser.WaitUntil($"(t => t && t.includes('26.4000') && t)(document.querySelector('tr[data-icao=\"{icao}\"]')?.innerText)");

        // A fence around the aircraft's next position: the page lists the Entered event.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/geofences"))
        {
            request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            request.Content = new StringContent($$"""{ "type": "Feature", "id": "page-{{icao}}", "properties": { "name": "Page fence" }, "geometry": { "type": "Polygon", "coordinates": [[[-110.6, 26.45], [-110.4, 26.45], [-110.4, 26.6], [-110.6, 26.6], [-110.6, 26.45]]] } }""", System.Text.Encoding.UTF8, "application/geo+json");
            (await server.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        // And a rule on that fence for this aircraft: the page lists its alert.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/rules"))
        {
            request.Headers.Add("X-Api-Key", LiveTrackTestServer.ApiKey);
            request.Content = new StringContent($$"""{ "id": "page-rule-{{icao}}", "name": "Page rule", "trigger": { "kind": "geofence", "fenceId": "page-{{icao}}" }, "filter": { "icao": ["{{icao}}"] } }""", System.Text.Encoding.UTF8, "application/json");
            (await server.Http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        await server.PushSbs(Sbs.Position(icao, 26.5, -110.5, 31000, DateTimeOffset.UtcNow.AddSeconds(20)));
        var listed = await browser.WaitUntil($"document.querySelector('#timeline li[data-type=\"event\"][data-icao=\"{icao}\"][data-kind=\"Entered\"]')?.textContent");

        var alert = await browser.WaitUntil($"document.querySelector('#timeline li[data-type=\"alert\"][data-icao=\"{icao}\"][data-rule=\"page-rule-{icao}\"]')?.textContent");
        await browser.Evaluate("document.getElementById('tab-timeline').click()");
        await browser.Screenshot(Screenshots.PathOf("timeline-event-and-alert.png"));

        // Each timeline item links to its aircraft, its place on the map and a verdict, and shows its trace id.
        var links = await browser.Evaluate($"[...document.querySelectorAll('#timeline li[data-type=\"alert\"][data-icao=\"{icao}\"] .links button')].map(b => b.textContent).join(',')");
        Assert.Equal("aircraft,map,verdict", (string?)links);
        var trace = (string?)await browser.Evaluate($"document.querySelector('#timeline li[data-type=\"alert\"][data-icao=\"{icao}\"]').dataset.trace");
        Assert.Matches("^[0-9a-f]{32}$", trace);

        Assert.Contains("JAKE31 Entered Page fence (Crossed at 26.4500", (string?)listed, StringComparison.Ordinal);
        Assert.Contains("JAKE31", (string?)alert, StringComparison.Ordinal);
        Assert.Contains("[Page rule] trace ", (string?)alert, StringComparison.Ordinal);
        Assert.Contains("JAKE31", (string?)row, StringComparison.Ordinal);
        Assert.Contains("26.3000", (string?)row, StringComparison.Ordinal);
        Assert.Contains("-110.5000", (string?)moved, StringComparison.Ordinal);
        var attribution = await browser.WaitUntil("(document.getElementById('attribution')?.textContent || '').includes('maritime_1000m') ? document.getElementById('attribution').textContent : null");
        Assert.Contains("© OpenStreetMap contributors (ODbL-1.0; @osm_borders/maritime_1000m v1.1.0)", (string?)attribution, StringComparison.Ordinal);
        var count = (string?)await browser.Evaluate("document.getElementById('count').textContent");
        Assert.True(int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
