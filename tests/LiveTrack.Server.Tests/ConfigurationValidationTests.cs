using System.Diagnostics;
using LiveTrack.Server.Hosting;
using LiveTrack.TestSupport;

namespace LiveTrack.Server.Tests;

/// <summary>Bad settings stop the server at start with one line per problem naming the key.</summary>
public sealed class ConfigurationValidationTests
{
    [Fact]
    public async Task Nested_webhook_settings_are_validated_at_start_naming_their_keys()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Alerts:Webhooks:MaxConcurrent"] = "0",
            ["LiveTrack:Alerts:Webhooks:Timeout"] = "01:00:00",
        }));

        var problems = StartupErrors.Describe(failure);
        Assert.True(problems.Count == 2, failure.ToString());
        Assert.Contains(problems, p => p.StartsWith("LiveTrack:Alerts:Webhooks:MaxConcurrent: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("LiveTrack:Alerts:Webhooks:Timeout: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_settings_are_validated_at_start_naming_their_keys()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Storage:Provider"] = "PostgreSql",
        }));

        var problems = StartupErrors.Describe(failure);
        // PostgreSql is a supported provider: only its missing connection string is reported.
        Assert.True(problems.Count == 1 && problems[0].StartsWith("LiveTrack:Storage:ConnectionString: ", StringComparison.Ordinal), string.Join(" | ", problems));
    }

    [Fact]
    public async Task A_storage_database_that_cannot_be_reached_stops_the_start_naming_the_connection_string()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Storage:Provider"] = "PostgreSql",
            ["LiveTrack:Storage:ConnectionString"] = $"Host={Path.Combine(Path.GetTempPath(), $"no-postgres-{Guid.NewGuid():N}")};Username=postgres;Database=livetrack",
        }));

        var problems = StartupErrors.Describe(failure);
        Assert.True(problems.Count == 1 && problems[0].StartsWith("LiveTrack:Storage:ConnectionString: the storage database could not be prepared", StringComparison.Ordinal), string.Join(" | ", problems));
    }

    [Fact]
    public async Task Every_invalid_settings_class_is_reported_at_once_not_only_the_first()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Alerts:Webhooks:MaxConcurrent"] = "0",
            ["LiveTrack:Tracking:MaxSpeedKnots"] = "-1",
            ["LiveTrack:Hub:FrameInterval"] = "soon",
            ["LiveTrack:Cluster:SiloPort"] = "eleven",
            ["LiveTrack:Ingestion:Partitions"] = "0",
            ["LiveTrack:History:BatchSize"] = "0",
            ["LiveTrack:Feeds:push:MaxConnections"] = "0",
        }));

        var problems = StartupErrors.Describe(failure);
        string[] keys =
        [
            "LiveTrack:Alerts:Webhooks:MaxConcurrent",
            "LiveTrack:Tracking:MaxSpeedKnots",
            "LiveTrack:Hub:FrameInterval",
            "LiveTrack:Cluster:SiloPort",
            "LiveTrack:Ingestion:Partitions",
            "LiveTrack:History:BatchSize",
            "LiveTrack:Feeds:push:MaxConnections",
        ];
        var missing = keys.Where(key => !problems.Any(p => p.Contains(key, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"Not reported: {string.Join(", ", missing)}. Reported: {string.Join(" | ", problems)}. {failure}");
        Assert.Equal(keys.Length, problems.Count);
    }

    [Fact]
    public async Task Settings_of_other_projects_name_their_keys_too()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveTrackTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveTrack:Tracking:MaxSpeedKnots"] = "-1",
        }));

        Assert.Equal(["LiveTrack:Tracking:MaxSpeedKnots: The field MaxSpeedKnots must be between 100 and 20000."], StartupErrors.Describe(failure));
    }

    [Fact]
    public async Task The_server_process_prints_one_line_naming_the_key_and_no_stack_trace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "LiveTrack.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--LiveTrack:Alerts:Webhooks:MaxConcurrent=0", "--LiveTrack:Feeds:simulator:Enabled=false", "--LiveTrack:Feeds:push:Port=0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            // With the application's appsettings.json (its feeds complete): the one bad setting is the one given here.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith("Invalid configuration: LiveTrack:Alerts:Webhooks:MaxConcurrent: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASPNETCORE_URLS_decides_where_the_server_listens()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "LiveTrack.Server.dll"),
                "--LiveTrack:Feeds:simulator:Enabled=false",
                "--LiveTrack:Feeds:push:Port=0",
                $"--LiveTrack:Cluster:SiloPort={SiloPorts.Candidate()}",
                "--LiveTrack:Cluster:GatewayPort=0",
                $"--LiveTrack:Geofences:StorePath={Path.Combine(Path.GetTempPath(), $"livetrack-fences-{Guid.NewGuid():N}")}",
                $"--LiveTrack:Alerts:RulesPath={Path.Combine(Path.GetTempPath(), $"livetrack-rules-{Guid.NewGuid():N}")}",
                $"--LiveTrack:Alerts:HistoryPath={Path.Combine(Path.GetTempPath(), $"livetrack-alerts-{Guid.NewGuid():N}")}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        try
        {
            _ = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            string? listening = null;
            while (listening is null && await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.Contains("Now listening on: ", StringComparison.Ordinal))
                {
                    listening = line[(line.IndexOf("Now listening on: ", StringComparison.Ordinal) + 18)..].Trim();
                }
            }

            // Port 0 from the variable, not the default 5080: the variable won.
            Assert.NotNull(listening);
            var address = new Uri(listening);
            Assert.Equal("127.0.0.1", address.Host);
            Assert.NotEqual(5080, address.Port);
            using var http = new HttpClient { BaseAddress = address };
            Assert.True((await http.GetAsync(new Uri("/health/live", UriKind.Relative), cts.Token)).IsSuccessStatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
