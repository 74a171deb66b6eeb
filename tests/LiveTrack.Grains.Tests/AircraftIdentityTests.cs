using LiveTrack.Alerting;
using LiveTrack.Identity;

namespace LiveTrack.Grains.Tests;

/// <summary>Identity on the state and in the snapshot, whatever feed the reports come from.</summary>
public sealed class AircraftIdentityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly AircraftIdentityProvider Provider = new(AircraftDatabase.Parse(
        "demo.csv",
        new StringReader("ae01c5;62-4134;R135;10;BOEING RC-135W RIVET JOINT;1962;United States Air Force\n")));

    [Fact]
    public void An_sbs_only_aircraft_gets_country_military_flag_and_database_type_so_readme_filters_match()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions()) { Identity = Provider.Find("ae01c5") };
        var state = track.Apply(Reports.At("ae01c5", T0, "sbs") with { Latitude = 26.3, Longitude = -110.4, Callsign = "JAKE21" }, T0, out _);

        var snapshot = state.ToSnapshot();

        Assert.Equal("United States", snapshot.Country);
        Assert.True(snapshot.Military);
        Assert.Equal("R135", snapshot.TypeCode);
        Assert.Equal("62-4134", snapshot.Registration);
        Assert.Equal("BOEING RC-135W RIVET JOINT", snapshot.Description);
        Assert.True(new AircraftFilter { TypeCodes = new HashSet<string> { "R135" }, Military = true }.Matches(snapshot));
    }

    [Fact]
    public void A_feeds_own_type_and_registration_win_and_military_from_any_source_makes_the_aircraft_military()
    {
        var track = new AircraftTrack("ae01c5", new TrackingOptions()) { Identity = Provider.Find("ae01c5") };
        var state = track.Apply(Reports.At("ae01c5", T0, "readsb") with { TypeCode = "K35R", Registration = "63-8000", Military = false }, T0, out _);

        var snapshot = state.ToSnapshot();

        Assert.Equal("K35R", snapshot.TypeCode);
        Assert.Equal("63-8000", snapshot.Registration);
        Assert.True(snapshot.Military);
    }

    [Fact]
    public void A_civil_mexican_address_is_not_military_and_matches_military_false_filters()
    {
        var track = new AircraftTrack("0d0a5e", new TrackingOptions()) { Identity = Provider.Find("0d0a5e") };
        var snapshot = track.Apply(Reports.At("0d0a5e", T0) with { Latitude = 23.1, Longitude = -106.5 }, T0, out _).ToSnapshot();

        Assert.Equal("Mexico", snapshot.Country);
        Assert.Equal("MX", snapshot.CountryCode);
        Assert.False(snapshot.Military);
        Assert.False(new AircraftFilter { Military = true }.Matches(snapshot));
        Assert.True(new AircraftFilter { Military = false }.Matches(snapshot));
    }
}
