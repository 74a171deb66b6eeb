using System.Diagnostics;

namespace LiveTrack.Cluster.Tests;

/// <summary>The cluster profile's settings at start, in a real server process.</summary>
public sealed class ClusterStartupTests
{
    [Fact]
    public async Task A_cluster_database_that_does_not_answer_stops_the_start_with_one_line_naming_the_connection_string()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"livetrack-no-db-{Guid.NewGuid():N}");
        var (exitCode, stderr) = await RunServer(
            "--LiveTrack:Cluster:Provider=PostgreSql",
            $"--LiveTrack:Cluster:ConnectionString=Host={missing};Username=postgres;Database=livetrack",
            "--LiveTrack:Cluster:SchemaTimeout=00:00:05");

        Assert.True(exitCode == 2, $"exit code {exitCode}: {stderr}");
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("Invalid configuration:", StringComparison.Ordinal));
        Assert.StartsWith("Invalid configuration: LiveTrack:Cluster:ConnectionString: the cluster database could not be prepared", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_settings_are_validated_at_start_naming_their_keys()
    {
        var (exitCode, stderr) = await RunServer(
            "--LiveTrack:Cluster:Provider=PostgreSql",
            "--LiveTrack:Cluster:AdvertisedAddress=silo-one",
            "--LiveTrack:Cluster:FeedLeaseRenewInterval=00:00:20");

        Assert.True(exitCode == 2, $"exit code {exitCode}: {stderr}");
        Assert.Contains("Invalid configuration: LiveTrack:Cluster:ConnectionString: A connection string is required when Provider is PostgreSql.", stderr, StringComparison.Ordinal);
        Assert.Contains("Invalid configuration: LiveTrack:Cluster:AdvertisedAddress: 'silo-one' is not an IP address.", stderr, StringComparison.Ordinal);
        Assert.Contains("Invalid configuration: LiveTrack:Cluster:FeedLeaseRenewInterval: ", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunServer(params string[] args)
    {
        var dll = SiloProcess.ServerDll();
        var data = Directory.CreateTempSubdirectory("livetrack-cluster-start-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
            {
                dll,
                "--Urls=http://127.0.0.1:0",
                "--LiveTrack:Cluster:GatewayPort=0",
                "--LiveTrack:Feeds:simulator:Enabled=false",
                "--LiveTrack:Feeds:push:Port=0",
                $"--LiveTrack:Geofences:StorePath={Path.Combine(data, "geofences")}",
                $"--LiveTrack:Alerts:RulesPath={Path.Combine(data, "rules")}",
                $"--LiveTrack:Alerts:HistoryPath={Path.Combine(data, "alerts")}",
                "--LiveTrack:History:Store=None",
            }.Concat(args))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(guard.Token);
            await stdout;
            return (process.ExitCode, await stderr);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
