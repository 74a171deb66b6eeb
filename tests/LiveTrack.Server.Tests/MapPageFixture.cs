namespace LiveTrack.Server.Tests;

/// <summary>
/// A server like the run command's, smaller: the simulator with the reconnaissance orbit and a few civil flights,
/// Mexico's national airspace imported from the OSM dataset at start, plus one headless Chromium for the map tests.
/// </summary>
public sealed class MapPageFixture : IAsyncLifetime
{
    public LiveTrackTestServer Server { get; private set; } = null!;

    public HeadlessChromium Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var browser = HeadlessChromium.LaunchAsync();
        Server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Feeds:sim:Type"] = "Simulator",
            ["LiveTrack:Feeds:sim:Aircraft"] = "12",
            ["LiveTrack:Feeds:sim:GulfOfCaliforniaScenario"] = "true",
            ["LiveTrack:Geofences:NationalAirspace:Countries:0"] = "MEX",
            ["LiveTrack:Geofences:NationalAirspace:Names:MEX"] = "Mexican national airspace",
        });
        Browser = await browser;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MapPageCollection : ICollectionFixture<MapPageFixture>
{
    public const string Name = "map page";
}
