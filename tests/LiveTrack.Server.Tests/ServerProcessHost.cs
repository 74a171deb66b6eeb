using System.Diagnostics;
using System.Net;
using LiveTrack.TestSupport;

namespace LiveTrack.Server.Tests;

/// <summary>
/// <c>dotnet LiveTrack.Server.dll</c> in its own process, as deployed, to be killed (<see cref="Kill"/>) rather than
/// stopped. Ready once it logged where Kestrel and the SBS push listener listen (no polling).
/// </summary>
public sealed class ServerProcessHost : IAsyncDisposable
{
    private const string HttpMarker = "Now listening on: ";
    private const string SbsMarker = "Feed push listening for streams on ";
    private readonly Process process;

    private ServerProcessHost(Process process, Uri baseAddress, IPEndPoint sbs)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = baseAddress };
        Sbs = sbs;
    }

    public HttpClient Http { get; }

    public IPEndPoint Sbs { get; }

    public static async Task<ServerProcessHost> StartAsync(IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LiveTrack.Server.dll"));
        foreach (var setting in new[]
        {
            "--Urls=http://127.0.0.1:0",
            "--LiveTrack:Feeds:simulator:Enabled=false",
            "--LiveTrack:Feeds:push:Port=0",
            $"--LiveTrack:Cluster:SiloPort={SiloPorts.Candidate()}",
            "--LiveTrack:Cluster:GatewayPort=0",
            $"--LiveTrack:Api:Keys:0={LiveTrackTestServer.ApiKey}",
            "--LiveTrack:Geofences:Seed=",
            "--LiveTrack:Alerts:Seed=",
            "--LiveTrack:Telemetry:SampleRatio=0",
            $"--LiveTrack:History:Path={Path.Combine(Path.GetTempPath(), $"livetrack-history-{Guid.NewGuid():N}", "history.duckdb")}",
        }.Concat(settings))
        {
            start.ArgumentList.Add(setting);
        }

        var http = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sbs = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            if (line.IndexOf(HttpMarker, StringComparison.Ordinal) is >= 0 and var at)
            {
                http.TrySetResult(new Uri(line[(at + HttpMarker.Length)..].Trim()));
            }
            else if (line.IndexOf(SbsMarker, StringComparison.Ordinal) is >= 0 and var from && IPEndPoint.TryParse(line[(from + SbsMarker.Length)..].Trim(), out var endpoint))
            {
                sbs.TrySetResult(endpoint);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) =>
        {
            http.TrySetException(new InvalidOperationException("the server exited before it listened"));
            sbs.TrySetException(new InvalidOperationException("the server exited before its SBS listener listened"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = await http.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var endpoint = await sbs.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new ServerProcessHost(process, baseAddress, endpoint);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flush, as a crash or <c>kill -9</c>.</summary>
    public async Task Kill()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            await Kill();
        }

        process.Dispose();
    }
}
