using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace LiveTrack.LoadGenerator;

/// <summary>
/// The area clients split over worker processes (this program started again with <c>--worker-of URL</c>), so the
/// clients' own work does not share the generator's process and the latency measured is the server's, not the
/// generator's queueing. Each worker prints <c>ready</c> once its clients are subscribed, counts between the
/// <c>start</c> and <c>stop</c> lines it reads, then prints one JSON line: positions received and its latency buckets.
/// </summary>
internal sealed class ClientWorkers : IAsyncDisposable
{
    private readonly List<Process> processes;

    private ClientWorkers(List<Process> processes) => this.processes = processes;

    public static async Task<ClientWorkers> Start(Uri server, LoadOptions options)
    {
        var processes = new List<Process>();
        var workers = new ClientWorkers(processes);
        for (var i = 0; i < options.ClientProcesses; i++)
        {
            var clients = (options.Clients / options.ClientProcesses) + (i < options.Clients % options.ClientProcesses ? 1 : 0);
            var start = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            var self = Environment.ProcessPath ?? "dotnet";
            start.FileName = self;
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
            }

            foreach (var argument in new[]
            {
                "--worker-of", server.ToString(), "--clients", clients.ToString(CultureInfo.InvariantCulture),
                "--layout", options.Layout, "--protocol", options.Protocol, "--seed", (1000 + i).ToString(CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }

            processes.Add(Process.Start(start) ?? throw new InvalidOperationException("could not start a client worker"));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        foreach (var process in processes)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line != "ready")
            {
                await workers.DisposeAsync();
                throw new InvalidOperationException($"a client worker did not get ready (it said: {line ?? "nothing"})");
            }
        }

        return workers;
    }

    /// <summary>A worker's main: connect, say ready, count between start and stop, report.</summary>
    public static async Task<int> Run(LoadOptions options)
    {
        await using var fleet = await ClientFleet.Connect(options.WorkerOf!, options.Clients, options.Packed, options.Seed, options.Protocol);
        Console.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line == "start")
            {
                fleet.StartCounting();
            }
            else if (line == "stop")
            {
                fleet.StopCounting();
                Console.WriteLine(JsonSerializer.Serialize(new WorkerResult(fleet.Delivered, fleet.Latency.NonEmpty(), fleet.Frames)));
                return 0;
            }
        }

        return 1;
    }

    public async Task StartCounting()
    {
        foreach (var process in processes)
        {
            await process.StandardInput.WriteLineAsync("start");
            await process.StandardInput.FlushAsync();
        }
    }

    /// <summary>Stops every worker's counting and adds what they measured: the positions received, and the frames of each client.</summary>
    public async Task<(long Delivered, long[] Frames)> StopCounting(LatencyHistogram latency)
    {
        foreach (var process in processes)
        {
            await process.StandardInput.WriteLineAsync("stop");
            await process.StandardInput.FlushAsync();
        }

        long delivered = 0;
        var frames = new List<long>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var process in processes)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var result = line is null ? null : JsonSerializer.Deserialize<WorkerResult>(line);
            if (result is null)
            {
                throw new InvalidOperationException("a client worker ended without its result");
            }

            delivered += result.Delivered;
            latency.Add(result.Latency);
            frames.AddRange(result.Frames);
        }

        return (delivered, [.. frames]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            try
            {
                process.StandardInput.Close();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }

    private sealed record WorkerResult(long Delivered, long[][] Latency, long[] Frames);
}
