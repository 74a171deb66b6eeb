using LiveTrack.Server.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Tests;

/// <summary>The file stores after crashes and power cuts: torn lines, empty or truncated files, failed rewrites.</summary>
public sealed class StoreRecoveryTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"livetrack-stores-{Guid.NewGuid():N}");

    public StoreRecoveryTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Alert NewAlert(string id) => new()
    {
        Id = id,
        RuleId = "mayday",
        Icao = "a1b2c3",
        Trigger = AlertTriggerKind.Squawk,
        At = DateTimeOffset.UtcNow,
        RaisedAt = DateTimeOffset.UtcNow,
        Summary = $"alert {id}",
        Squawk = "7700",
    };

    private FileAlertStore OpenHistory(int maxHistory = 10_000) =>
        new(Options.Create(new AlertOptions { HistoryPath = folder, MaxHistory = maxHistory }), NullLogger<FileAlertStore>.Instance);

    [Fact]
    public async Task After_a_line_torn_by_a_power_cut_the_next_alert_survives_the_following_restart()
    {
        using (var history = OpenHistory())
        {
            Assert.True(await history.Append(NewAlert("before")));
        }

        // The power went out in the middle of writing the next line.
        await File.AppendAllTextAsync(Path.Combine(folder, "alerts.jsonl"), """{"id":"torn","ruleId":"may""");
        using (var history = OpenHistory())
        {
            Assert.True(await history.Append(NewAlert("after")));
        }

        using var restarted = OpenHistory();
        Assert.NotNull(await restarted.Find("before"));
        Assert.NotNull(await restarted.Find("after"));
        Assert.Null(await restarted.Find("torn"));
        Assert.Equal(["after", "before"], (await restarted.Query(new AlertQuery { Limit = 10 })).Alerts.Select(a => a.Id));
    }

    [Fact]
    public async Task An_alert_whose_line_was_written_stays_recorded_when_the_compaction_after_it_fails()
    {
        // The compaction's temporary file cannot be created: a folder is in its way.
        Directory.CreateDirectory(Path.Combine(folder, "alerts.jsonl.tmp"));
        using (var history = OpenHistory(maxHistory: 100))
        {
            for (var i = 0; i < 201; i++)
            {
                Assert.True(await history.Append(NewAlert($"a{i}")), $"alert a{i} should be recorded");
            }

            Assert.NotNull(await history.Find("a200"));
            Assert.False(await history.Append(NewAlert("a200")));
        }

        using var restarted = OpenHistory(maxHistory: 100);
        Assert.NotNull(await restarted.Find("a200"));
        Assert.NotNull(await restarted.Find("a101"));
    }

    [Fact]
    public async Task Empty_and_truncated_store_files_are_quarantined_and_the_server_starts()
    {
        var fences = Path.Combine(folder, "fences");
        var rules = Path.Combine(folder, "rules");
        var alerts = Path.Combine(folder, "alerts");
        Directory.CreateDirectory(fences);
        Directory.CreateDirectory(rules);
        Directory.CreateDirectory(alerts);
        await File.WriteAllTextAsync(Path.Combine(fences, "empty.json"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(fences, "cut.json"), """{"Id":"cut","GeoJson":"{\"type\":\"Feat""");
        await File.WriteAllTextAsync(Path.Combine(rules, "mayday.json"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(alerts, "dead-letters.json"), """[{"id":"d1","alert":""");

        await using var server = await LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Geofences:StorePath"] = fences,
            ["LiveTrack:Alerts:RulesPath"] = rules,
            ["LiveTrack:Alerts:HistoryPath"] = alerts,
        });

        Assert.True((await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode);
        Assert.True((await server.Http.GetAsync(new Uri("/api/alerts/dead-letters", UriKind.Relative))).IsSuccessStatusCode);
        foreach (var (dir, name) in new[] { (fences, "empty.json"), (fences, "cut.json"), (rules, "mayday.json"), (alerts, "dead-letters.json") })
        {
            Assert.False(File.Exists(Path.Combine(dir, name)), $"{name} should have been moved aside");
            Assert.Single(Directory.GetFiles(dir, name + ".corrupt-*"));
        }
    }

    [Fact]
    public async Task A_store_whose_every_file_was_quarantined_is_not_replaced_by_the_demo_seed()
    {
        var fences = Path.Combine(folder, "fences");
        var rules = Path.Combine(folder, "rules");
        Directory.CreateDirectory(fences);
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(Path.Combine(fences, "my-zone.json"), """{"Id":"my-zone","GeoJson":"{\"type\":\"Feat""");
        await File.WriteAllTextAsync(Path.Combine(rules, "my-rule.json"), string.Empty);
        var settings = new Dictionary<string, string?>
        {
            ["LiveTrack:Geofences:StorePath"] = fences,
            ["LiveTrack:Geofences:Seed"] = "geofences/gulf-of-california.geojson",
            ["LiveTrack:Geofences:NationalAirspace:Countries:0"] = "MEX",
            ["LiveTrack:Alerts:RulesPath"] = rules,
            ["LiveTrack:Alerts:Seed"] = "rules/demo.json",
        };

        // Twice: the first start quarantines the files; the second finds only the quarantined files.
        for (var start = 0; start < 2; start++)
        {
            await using var server = await LiveTrackTestServer.StartAsync(settings: settings);

            Assert.Empty(server.Services.GetRequiredService<RuleCatalog>().Current.All);
            Assert.Null(server.Services.GetRequiredService<LiveTrack.Server.Geofences.GeofenceCatalog>().Index.Find("gulf-of-california-area"));
            Assert.Empty(Directory.GetFiles(rules, "*.json"));
            Assert.Single(Directory.GetFiles(rules, "my-rule.json.corrupt-*"));
            Assert.Single(Directory.GetFiles(fences, "my-zone.json.corrupt-*"));
        }
    }
}
