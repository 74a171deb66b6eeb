namespace LiveTrack.Server.Tests;

/// <summary>The page at / in a real headless Chromium, fed by SBS lines pushed to the server.</summary>
[Collection(ServerCollection.Name)]
public sealed class PageTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_page_shows_pushed_aircraft_and_moves_them_as_positions_arrive()
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

        Assert.Contains("JAKE31", (string?)row, StringComparison.Ordinal);
        Assert.Contains("26.3000", (string?)row, StringComparison.Ordinal);
        Assert.Contains("-110.5000", (string?)moved, StringComparison.Ordinal);
        var count = (string?)await browser.Evaluate("document.getElementById('count').textContent");
        Assert.True(int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
