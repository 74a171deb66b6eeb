namespace LiveTrack.Server.Tests;

/// <summary><see cref="RestartTests"/> on the embedded profile: every store and the grain state in files.</summary>
public sealed class FileRestartTests : RestartTests
{
    protected override Task<Dictionary<string, string?>> StorageSettings()
    {
        var root = Path.Combine(Path.GetTempPath(), $"livetrack-restart-{Guid.NewGuid():N}");
        return Task.FromResult(new Dictionary<string, string?>
        {
            ["LiveTrack:Geofences:StorePath"] = Path.Combine(root, "geofences"),
            ["LiveTrack:Alerts:RulesPath"] = Path.Combine(root, "rules"),
            ["LiveTrack:Alerts:HistoryPath"] = Path.Combine(root, "alerts"),
            ["LiveTrack:Storage:StatePath"] = Path.Combine(root, "state"),
        });
    }
}
