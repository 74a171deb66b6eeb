using Microsoft.Extensions.DependencyInjection;

namespace LiveTrack.Server.Tests;

public sealed class LostAndClusterTests
{
    [Fact]
    public async Task A_silent_aircraft_is_reported_lost_to_its_subscribers()
    {
        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?> { ["LiveTrack:Tracking:LostAfter"] = "00:00:02" });
        var icao = Icao.New();
        await using var client = await server.ConnectClient();
        await client.SubscribeArea(-116, 22, -104, 33);

        await server.PushSbs(Sbs.Position(icao, 26.3, -110.4, 31000));
        await client.WaitForAircraft(icao);
        var frame = await client.WaitForFrame(f => f.Lost.Contains(icao), $"{icao} lost");

        Assert.DoesNotContain(frame.Aircraft, a => a.Icao == icao);
        var list = await server.GetJson<Apis.AircraftList>("/api/aircraft");
        Assert.DoesNotContain(list!.Aircraft, a => a.Icao == icao);
    }

    [Fact]
    public async Task A_client_on_one_silo_receives_aircraft_whose_grains_live_on_another()
    {
        await using var primary = await LiveTrackTestServer.StartAsync();
        await using var secondary = await LiveTrackTestServer.StartAsync(primarySiloPort: primary.SiloPort);
        await primary.WaitForActiveSilos(2);
        await secondary.WaitForActiveSilos(2);
        var icao = Icao.New();
        await using var client = await primary.ConnectClient();
        await client.SubscribeArea(-116, 22, -104, 33);

        // Fed to the secondary silo's listener: the aircraft grain activates there (prefer-local placement).
        await secondary.PushSbs(Sbs.Identification(icao, "JAKE22"), Sbs.Position(icao, 26.4, -110.5, 30000));
        AircraftSnapshot seen;
        try
        {
            seen = await client.WaitForAircraft(icao, a => a.Callsign == "JAKE22" && a.HasPosition);
        }
        catch (TimeoutException ex)
        {
            var feeds = await secondary.Http.GetStringAsync("/api/feeds");
            var onPrimary = primary.Services.GetRequiredService<Tracking.LiveTraffic>().Find(icao);
            var onSecondary = secondary.Services.GetRequiredService<Tracking.LiveTraffic>().Find(icao);
            var stats = await primary.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var hosts = string.Join(",", stats.Where(a => a.GrainId.Key.ToString() == icao).Select(a => a.SiloAddress));
            throw new TimeoutException($"{ex.Message} Secondary feeds: {feeds}. Live traffic has it on primary: {onPrimary is not null}, on secondary: {onSecondary is not null}. Grain hosted on {hosts}; primary {primary.SiloPort}.", ex);
        }

        Assert.Equal(26.4, seen.Latitude);
        var management = primary.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var activations = await management.GetDetailedGrainStatistics();
        var host = Assert.Single(activations, a => a.GrainId.Type.ToString() == "aircraft" && a.GrainId.Key.ToString() == icao).SiloAddress;
        Assert.Equal(secondary.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress, host);
        Assert.NotEqual(primary.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress, host);
    }
}
