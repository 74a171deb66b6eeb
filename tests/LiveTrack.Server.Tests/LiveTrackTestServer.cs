using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using LiveTrack.Ingestion;
using LiveTrack.Server.Hosting;
using LiveTrack.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Server.Tests;

/// <summary>
/// A real LiveTrack server on 127.0.0.1 (Kestrel, Orleans silo, feeds) built exactly like Program.cs, with test
/// configuration instead of appsettings.json: no simulator, an SBS listener on a free port.
/// </summary>
public sealed class LiveTrackTestServer : IAsyncDisposable
{
    public const string ApiKey = "test-writer-key";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private LiveTrackTestServer(WebApplication app, Uri baseAddress, int siloPort)
    {
        App = app;
        BaseAddress = baseAddress;
        SiloPort = siloPort;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    /// <remarks>
    /// Kestrel and the SBS listener bind port 0. Orleans cannot: a silo's address (with its port) is its identity in the
    /// cluster, advertised before the socket is bound, so the silo port is picked free just before the start, and a
    /// start that loses it to another process in that moment is retried with a new one. The gateway is off (port 0):
    /// the server's own client is in the silo.
    /// </remarks>
    public static Task<LiveTrackTestServer> StartAsync(int? primarySiloPort = null, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null) =>
        SiloPorts.StartAsync(siloPort => StartOnce(siloPort, primarySiloPort, settings, configure));

    private static async Task<LiveTrackTestServer> StartOnce(int siloPort, int? primarySiloPort, IDictionary<string, string?>? settings, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = ServerProjectDirectory() });
        builder.Configuration.Sources.Clear();
        var config = new Dictionary<string, string?>
        {
            ["LiveTrack:Cluster:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LiveTrack:Cluster:GatewayPort"] = "0",
            ["LiveTrack:Cluster:PrimarySiloPort"] = primarySiloPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LiveTrack:Cluster:ClusterId"] = "livetrack-tests",
            ["LiveTrack:Hub:FrameInterval"] = "00:00:00.100",
            ["LiveTrack:Feeds:push:Type"] = "SbsListener",
            ["LiveTrack:Feeds:push:Port"] = "0",
            ["LiveTrack:Geofences:StorePath"] = Path.Combine(Path.GetTempPath(), $"livetrack-fences-{Guid.NewGuid():N}"),
            ["LiveTrack:Alerts:RulesPath"] = Path.Combine(Path.GetTempPath(), $"livetrack-rules-{Guid.NewGuid():N}"),
            ["LiveTrack:Alerts:HistoryPath"] = Path.Combine(Path.GetTempPath(), $"livetrack-alerts-{Guid.NewGuid():N}"),
            ["LiveTrack:Storage:StatePath"] = Path.Combine(Path.GetTempPath(), $"livetrack-state-{Guid.NewGuid():N}"),
            ["LiveTrack:History:Path"] = Path.Combine(Path.GetTempPath(), $"livetrack-history-{Guid.NewGuid():N}", "history.duckdb"),
            ["LiveTrack:History:FlushInterval"] = "00:00:00.100",
            ["LiveTrack:Api:Keys:0"] = ApiKey,
            // Telemetry tests set their own ratio and run alone: every other server records no sampled traces.
            ["LiveTrack:Telemetry:SampleRatio"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddLiveTrack();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapLiveTrack();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveTrackTestServer(app, new Uri(address), siloPort);
    }

    /// <summary>The endpoint the SBS listener feed bound (it was configured with port 0).</summary>
    public async Task<IPEndPoint> SbsListenerEndpoint(string feed = "push")
    {
        var registry = Services.GetRequiredService<FeedStatusRegistry>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // The listener binds as the host starts; this only covers the moment between start and bind.
        var listening = await registry.WaitForAsync(feed, f => f is { State: FeedState.Listening, Endpoint: not null }, cts.Token);
        return IPEndPoint.Parse(listening.Endpoint!);
    }

    /// <summary>Waits until this silo sees the given number of active silos in the cluster.</summary>
    public async Task WaitForActiveSilos(int count)
    {
        var membership = Services.GetRequiredService<Orleans.Runtime.IClusterMembershipService>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cts.Token))
        {
            if (snapshot.Members.Values.Count(m => m.Status == Orleans.Runtime.SiloStatus.Active) >= count)
            {
                return;
            }
        }
    }

    /// <summary>Pushes SBS lines to the listener over a real TCP connection and closes it.</summary>
    public async Task PushSbs(params string[] lines)
    {
        var endpoint = await SbsListenerEndpoint();
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        await stream.FlushAsync();
    }

    public async Task<TrackingTestClient> ConnectClient()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/tracking"))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new TrackingTestClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<T?> GetJson<T>(string path) => Http.GetFromJsonAsync<T>(path, Json);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await App.StopAsync(cts.Token);
        await App.DisposeAsync();
    }

    private static string ServerProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "LiveTrack.Server");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return AppContext.BaseDirectory;
    }
}

/// <summary>A real SignalR client of /hubs/tracking that records every frame it receives.</summary>
public sealed class TrackingTestClient : IAsyncDisposable
{
    private readonly Channel<PositionFrame> frames = Channel.CreateUnbounded<PositionFrame>();

    public TrackingTestClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<PositionFrame>(nameof(ITrackingClient.Positions), frame => frames.Writer.TryWrite(frame));
    }

    public HubConnection Connection { get; }

    /// <summary>Every frame received so far, in order.</summary>
    public List<PositionFrame> Received { get; } = [];

    public Task<string> SubscribeArea(double minLon, double minLat, double maxLon, double maxLat) =>
        Connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeArea), minLon, minLat, maxLon, maxLat);

    public Task<string> SubscribeAircraft(string icao) => Connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeAircraft), icao);

    public Task<string> SubscribeGeofence(string fenceId) => Connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeGeofence), fenceId);

    public Task<string> SubscribeGeofenceEvents() => Connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeGeofenceEvents));

    public Task<string> SubscribeAlerts(string? ruleId = null) => Connection.InvokeAsync<string>(nameof(ITrackingHub.SubscribeAlerts), ruleId);

    public Task<bool> Unsubscribe(string id) => Connection.InvokeAsync<bool>(nameof(ITrackingHub.Unsubscribe), id);

    /// <summary>
    /// Returns the first frame received so far, or read from now on, that satisfies the predicate; fails with what was
    /// received after the timeout.
    /// </summary>
    public async Task<PositionFrame> WaitForFrame(Func<PositionFrame, bool> predicate, string what, TimeSpan? timeout = null)
    {
        if (Received.FirstOrDefault(predicate) is { } already)
        {
            return already;
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var frame = await frames.Reader.ReadAsync(cts.Token);
                Received.Add(frame);
                if (predicate(frame))
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
            var seen = string.Join(", ", Received.SelectMany(f => f.Aircraft.Select(a => a.Icao)).Distinct());
            var last = Received.SelectMany(f => f.Aircraft).LastOrDefault();
            throw new TimeoutException($"No frame with {what} arrived; {Received.Count} frames seen with aircraft [{seen}]; the last snapshot: {last}.");
        }
    }

    /// <summary>
    /// Waits for the next frame not yet read (not one already in <see cref="Received"/>) that satisfies the predicate:
    /// the notification that something the client watches has changed.
    /// </summary>
    public async Task<PositionFrame> NextFrame(Func<PositionFrame, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await frames.Reader.ReadAsync(cancellationToken);
            Received.Add(frame);
            if (predicate(frame))
            {
                return frame;
            }
        }
    }

    public async Task<AircraftSnapshot> WaitForAircraft(string icao, Func<AircraftSnapshot, bool>? predicate = null)
    {
        var frame = await WaitForFrame(f => f.Aircraft.Any(a => a.Icao == icao && (predicate?.Invoke(a) ?? true)), $"aircraft {icao}");
        return frame.Aircraft.Last(a => a.Icao == icao);
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>SBS-1 lines for tests, written like readsb writes them.</summary>
public static class Sbs
{
    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy/MM/dd,HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    public static string Position(string icao, double lat, double lon, int altitude, DateTimeOffset? at = null)
    {
        var s = Stamp(at ?? DateTimeOffset.UtcNow);
        return FormattableString.Invariant($"MSG,3,1,1,{icao},1,{s},{s},,{altitude},,,{lat:F5},{lon:F5},,,0,0,0,0");
    }

    public static string Identification(string icao, string callsign, DateTimeOffset? at = null)
    {
        var s = Stamp(at ?? DateTimeOffset.UtcNow);
        return $"MSG,1,1,1,{icao},1,{s},{s},{callsign},,,,,,,,,,,";
    }

    /// <summary>An MSG,6 surveillance ID message: squawk and emergency flag.</summary>
    public static string Squawk(string icao, string code, bool emergency = false, DateTimeOffset? at = null)
    {
        var s = Stamp(at ?? DateTimeOffset.UtcNow);
        return $"MSG,6,1,1,{icao},1,{s},{s},,,,,,,,{code},0,{(emergency ? 1 : 0)},0,0";
    }

    public static string Velocity(string icao, double speed, double track, int verticalRate, DateTimeOffset? at = null)
    {
        var s = Stamp(at ?? DateTimeOffset.UtcNow);
        return FormattableString.Invariant($"MSG,4,1,1,{icao},1,{s},{s},,,{speed:F1},{track:F1},,,{verticalRate},,,,,");
    }
}
