using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LiveTrack.LoadGenerator;

/// <summary>A LiveTrack server in its own process (so its CPU and memory are measured apart from the generator's).</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process? process;
    private readonly int? pid;

    private ServerProcess(Process? process, Uri baseAddress, int sbsPort, int? pid = null)
    {
        this.process = process;
        this.pid = process?.Id ?? pid;
        BaseAddress = baseAddress;
        SbsPort = sbsPort;
    }

    public Uri BaseAddress { get; }

    public int SbsPort { get; }

    /// <summary>The server's process id: the one this generator started, or the one given with <c>--pid</c>.</summary>
    public int? ProcessId => pid;

    /// <summary>A running server; with its process id, its CPU and memory are measured too.</summary>
    public static ServerProcess Attach(Uri target, int sbsPort, int? pid) => new(null, target, sbsPort == 0 ? 31003 : sbsPort, pid);

    public static async Task<ServerProcess> StartAsync(LoadOptions options)
    {
        var dll = options.ServerDll ?? FindServerDll();
        // Kestrel and the SBS listener bind port 0 and say where they listen; there is no gateway (nothing here is an
        // Orleans client). Only the silo's port is picked: a silo's address is its identity, advertised before it binds.
        var silo = SiloPortCandidate();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            dll,
            "--Urls=http://127.0.0.1:0",
            "--LiveTrack:Feeds:simulator:Enabled=false",
            "--LiveTrack:Feeds:push:Port=0",
            $"--LiveTrack:Feeds:push:Type={(options.Beast ? "BeastListener" : "SbsListener")}",
            $"--LiveTrack:Cluster:SiloPort={silo}",
            "--LiveTrack:Cluster:GatewayPort=0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            $"--LiveTrack:Api:Keys:0={options.ApiKey}",
            $"--LiveTrack:Geofences:StorePath={Path.Combine(Path.GetTempPath(), $"livetrack-loadgen-{Guid.NewGuid():N}")}",
            "--LiveTrack:Geofences:Seed=",
            // The demo rules name the demo fences, which are not seeded here.
            "--LiveTrack:Alerts:Seed=",
            $"--LiveTrack:Alerts:RulesPath={Path.Combine(Path.GetTempPath(), $"livetrack-loadgen-rules-{Guid.NewGuid():N}")}",
            $"--LiveTrack:Alerts:HistoryPath={Path.Combine(Path.GetTempPath(), $"livetrack-loadgen-alerts-{Guid.NewGuid():N}")}",
            $"--LiveTrack:Storage:StatePath={Path.Combine(Path.GetTempPath(), $"livetrack-loadgen-state-{Guid.NewGuid():N}")}",
            $"--LiveTrack:History:Store={options.History}",
            $"--LiveTrack:History:Path={Path.Combine(Path.GetTempPath(), $"livetrack-loadgen-history-{Guid.NewGuid():N}", "history.duckdb")}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            const string Marker = "Now listening on: ";
            if (e.Data is null)
            {
                return;
            }

            Console.Error.WriteLine($"[server] {e.Data}");
            if (e.Data.IndexOf(Marker, StringComparison.Ordinal) is >= 0 and var at)
            {
                listening.TrySetResult(new Uri(e.Data[(at + Marker.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"[server] {e.Data}"); } };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the server exited before it listened"));
        if (!process.Start())
        {
            throw new InvalidOperationException("could not start the server");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = baseAddress };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode && await SbsEndpoint(client) is { } sbs)
                {
                    return new ServerProcess(process, baseAddress, sbs.Port);
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("the server did not become ready within 60 s");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Where the push feed's listener bound (it was given port 0), from <c>/api/feeds</c>; null until it listens.</summary>
    private static async Task<IPEndPoint?> SbsEndpoint(HttpClient client)
    {
        using var feeds = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/feeds"));
        foreach (var feed in feeds.RootElement.EnumerateArray())
        {
            if (feed.GetProperty("name").GetString() == "push"
                && feed.TryGetProperty("endpoint", out var endpoint) && endpoint.ValueKind == System.Text.Json.JsonValueKind.String
                && IPEndPoint.TryParse(endpoint.GetString()!, out var bound))
            {
                return bound;
            }
        }

        return null;
    }

    /// <summary>CPU seconds used and resident memory of the server process (Linux /proc); null when unknown or gone.</summary>
    public (double CpuSeconds, long RssBytes)? Sample()
    {
        if (pid is not { } id || process is { HasExited: true } || !File.Exists($"/proc/{id}/stat"))
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssLine = File.ReadLines($"/proc/{id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rssKb = long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (ticks / 100.0, rssKb * 1024);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    private static string FindServerDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "LiveTrack.Server", "bin", "Release", "net10.0", "LiveTrack.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("LiveTrack.Server.dll (Release) not found: run `dotnet build -c Release src/LiveTrack.Server` first or pass --server-dll.");
    }

    private static int SiloPortCandidate()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
