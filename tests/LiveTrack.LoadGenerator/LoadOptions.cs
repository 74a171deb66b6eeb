using System.Globalization;

namespace LiveTrack.LoadGenerator;

/// <summary>Command-line settings: <c>--name value</c> pairs.</summary>
internal sealed record LoadOptions
{
    public int Aircraft { get; init; } = 10_000;
    public int Rate { get; init; } = 50_000;
    public int Clients { get; init; } = 100;
    public int Seconds { get; init; } = 30;
    public int Connections { get; init; } = 2;
    public int Fences { get; init; }
    public string ApiKey { get; init; } = "loadgen-key";
    public string? ServerDll { get; init; }
    public Uri? Target { get; init; }
    public int SbsPort { get; init; }

    /// <summary>With <c>--target</c>: the process id of the running server, whose CPU, RSS and managed heap are read.</summary>
    public int? Pid { get; init; }

    /// <summary>
    /// <c>world</c> (default): circular 64-vertex fences and aircraft flying straight, anywhere between 60° S and 60° N;
    /// <c>packed</c>: 16-vertex polygon fences and aircraft on random walks, all packed in lon −10…30, lat 35…60.
    /// </summary>
    public string Layout { get; init; } = "world";

    public bool Packed => Layout == "packed";

    /// <summary>The packed layout's box: lon −10…30, lat 35…60.</summary>
    public static (double West, double South, double East, double North) PackedArea => (-10, 35, 30, 60);

    /// <summary>The started server's history store (<c>LiveTrack:History:Store</c>: DuckDb, the default, or None), to measure its cost.</summary>
    public string History { get; init; } = "DuckDb";

    /// <summary>What is pushed: <c>sbs</c> (MSG,3 lines to an SbsListener) or <c>beast</c> (DF17 even/odd positions to a BeastListener).</summary>
    public string Format { get; init; } = "sbs";

    public bool Beast => Format == "beast";

    /// <summary>The hub protocol of the area clients: <c>json</c> or <c>messagepack</c>.</summary>
    public string Protocol { get; init; } = "json";

    /// <summary>Worker processes the area clients are split over (0: the clients run in this process).</summary>
    public int ClientProcesses { get; init; }

    /// <summary>Set in a client worker process: the server its clients connect to.</summary>
    public Uri? WorkerOf { get; init; }

    /// <summary>The server's hub frame interval in milliseconds (250 by default), to count the frames each client should get.</summary>
    public int FrameIntervalMs { get; init; } = 250;

    /// <summary>A client worker's seed for its clients' area tiles.</summary>
    public int Seed { get; init; } = 1;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--aircraft" => options with { Aircraft = Int(value) },
                "--rate" => options with { Rate = Int(value) },
                "--clients" => options with { Clients = Int(value) },
                "--seconds" => options with { Seconds = Math.Clamp(Int(value), 1, 3600) },
                "--connections" => options with { Connections = Math.Clamp(Int(value), 1, 16) },
                "--fences" => options with { Fences = Int(value) },
                "--api-key" => options with { ApiKey = value },
                "--server-dll" => options with { ServerDll = value },
                "--target" => options with { Target = new Uri(value) },
                "--sbs-port" => options with { SbsPort = Int(value) },
                "--pid" => options with { Pid = Int(value) },
                "--layout" => value is "world" or "packed" ? options with { Layout = value } : throw new ArgumentException("--layout is world or packed"),
                "--history" => options with { History = value },
                "--format" => value is "sbs" or "beast" ? options with { Format = value } : throw new ArgumentException("--format is sbs or beast"),
                "--protocol" => value is "json" or "messagepack" ? options with { Protocol = value } : throw new ArgumentException("--protocol is json or messagepack"),
                "--client-processes" => options with { ClientProcesses = Math.Clamp(Int(value), 0, 64) },
                "--worker-of" => options with { WorkerOf = new Uri(value) },
                "--frame-interval-ms" => options with { FrameIntervalMs = Math.Max(1, Int(value)) },
                "--seed" => options with { Seed = Int(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
