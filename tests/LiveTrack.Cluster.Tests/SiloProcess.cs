using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveTrack.Ingestion;
using LiveTrack.TestSupport;

namespace LiveTrack.Cluster.Tests;

/// <summary>
/// One LiveTrack silo as its own <c>dotnet LiveTrack.Server.dll</c> process in the PostgreSql cluster profile: HTTP
/// and the SBS listener on port 0 (their addresses read back), the silo port picked free, no gateway.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The API key every silo accepts for writes (<c>X-Api-Key</c>).</summary>
    public const string ApiKey = "cluster-writer-key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Process process;
    private readonly string dataDirectory;

    private SiloProcess(string node, Process process, Uri baseAddress, string dataDirectory)
    {
        Node = node;
        this.process = process;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public string Node { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public bool HasExited => process.HasExited;

    /// <summary>
    /// Starts the silo and returns once it serves HTTP and its silo is ready. Cluster and stores (fences, rules, alert
    /// history, dead letters, webhook queue) share the one database.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string node, string connectionString, IEnumerable<string> extraArgs, Action<string> log, CancellationToken cancellationToken)
    {
        var dll = ServerDll();
        var data = Directory.CreateTempSubdirectory($"livetrack-cluster-{node}-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] args =
        [
            dll,
            "--Urls=http://127.0.0.1:0",
            "--LiveTrack:Cluster:Provider=PostgreSql",
            $"--LiveTrack:Cluster:ConnectionString={connectionString}",
            $"--LiveTrack:Cluster:NodeName={node}",
            "--LiveTrack:Storage:Provider=PostgreSql",
            $"--LiveTrack:Storage:ConnectionString={connectionString}",
            $"--LiveTrack:Api:Keys:0={ApiKey}",
            $"--LiveTrack:Cluster:SiloPort={SiloPorts.Candidate()}",
            "--LiveTrack:Cluster:GatewayPort=0",
            "--LiveTrack:Feeds:simulator:Enabled=false",
            "--LiveTrack:Feeds:push:Port=0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            "--Logging:LogLevel:LiveTrack.Ingestion.Feeds=Information",
            "--LiveTrack:Geofences:Seed=",
            "--LiveTrack:Alerts:Seed=",
            "--LiveTrack:History:Store=None",
            .. extraArgs,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            const string Marker = "Now listening on: ";
            if (e.Data is null)
            {
                return;
            }

            log($"[{node}] {e.Data}");
            if (e.Data.IndexOf(Marker, StringComparison.Ordinal) is >= 0 and var at)
            {
                listening.TrySetResult(new Uri(e.Data[(at + Marker.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log($"[{node}] {e.Data}");
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"silo {node} exited before it listened"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(node, process, await listening.Task.WaitAsync(cancellationToken), data);
        await silo.WaitForReadyAsync(cancellationToken);
        return silo;
    }

    /// <summary>The feeds as this silo reports them.</summary>
    public async Task<FeedStatusSnapshot[]> FeedsAsync(CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync<FeedStatusSnapshot[]>("/api/feeds", Json, cancellationToken))!;

    /// <summary>
    /// Asks <c>/api/feeds</c> until <paramref name="condition"/> holds for the feed. Another process's state can only
    /// be polled: every 100 ms (the cadence of the question, not a wait for something to happen).
    /// </summary>
    public async Task<FeedStatusSnapshot> WaitForFeedAsync(string feed, Func<FeedStatusSnapshot, bool> condition, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            try
            {
                var status = (await FeedsAsync(cancellationToken)).SingleOrDefault(f => f.Name == feed);
                if (status is not null && condition(status))
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
            }

            await poll.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>Where this silo's push listener bound.</summary>
    public async Task<IPEndPoint> PushEndpointAsync(CancellationToken cancellationToken)
    {
        var push = await WaitForFeedAsync("push", f => f.State == FeedState.Listening && f.Endpoint is not null, cancellationToken);
        return IPEndPoint.Parse(push.Endpoint!);
    }

    /// <summary><c>kill -9</c>: no shutdown, no lease release, no membership goodbye.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private async Task WaitForReadyAsync(CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"silo {Node} exited with {process.ExitCode}");
            }

            try
            {
                if ((await Http.GetAsync("/health/ready", cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    internal static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "LiveTrack.Server", "bin", configuration, "net10.0", "LiveTrack.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"src/LiveTrack.Server/bin/{configuration}/net10.0/LiveTrack.Server.dll not found (it is built with this test project).");
    }
}
