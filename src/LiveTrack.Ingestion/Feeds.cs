using System.Net;
using System.Net.Sockets;
using LiveTrack.Adsb;
using LiveTrack.Simulation;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Ingestion;

/// <summary>A running feed. Returns when the feed is finished (a replay without loop) or cancelled.</summary>
internal interface IFeed
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Connects to a readsb/dump1090-style SBS-1 server and reconnects with exponential backoff and jitter.</summary>
internal sealed class SbsClientFeed(FeedOptions options, FeedIngestor ingestor, TimeProvider timeProvider, ILogger logger) : IFeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var status = ingestor.Status;
        var endpoint = $"{options.Host}:{options.Port}";
        status.Endpoint = endpoint;
        var delay = options.ReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                status.State = FeedState.Connecting;
                using var client = new TcpClient { NoDelay = true };
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                    await client.ConnectAsync(options.Host!, options.Port, connectTimeout.Token);
                }

                status.State = FeedState.Connected;
                status.Recovered();
                status.ConnectionOpened();
                IngestionLog.Connected(logger, status.Name, endpoint);
                delay = options.ReconnectDelay;
                try
                {
                    await using var stream = client.GetStream();
                    await ingestor.ReadStreamAsync(stream, cancellationToken);
                    reason = "the server closed the connection";
                }
                finally
                {
                    status.ConnectionClosed();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                reason = ex.Message;
            }

            status.State = FeedState.Disconnected;
            status.Error(reason);
            status.Reconnecting();
            var wait = delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(1000, delay.TotalMilliseconds / 2) + 1));
            IngestionLog.Disconnected(logger, status.Name, endpoint, reason, wait);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
        }
    }
}

/// <summary>Accepts SBS-1 streams pushed to LiveTrack, one reader per connection, up to a maximum.</summary>
internal sealed class SbsListenerFeed(FeedOptions options, FeedIngestor ingestor, ILogger logger) : IFeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var status = ingestor.Status;
        var listener = new TcpListener(IPAddress.Parse(options.BindAddress), options.Port);
        listener.Start();
        var connections = new List<Task>();
        try
        {
            status.Endpoint = listener.LocalEndpoint.ToString();
            status.State = FeedState.Listening;
            IngestionLog.Listening(logger, status.Name, status.Endpoint!);
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                connections.RemoveAll(t => t.IsCompleted);
                if (connections.Count >= options.MaxConnections)
                {
                    status.Refused();
                    IngestionLog.ConnectionRefused(logger, status.Name, client.Client.RemoteEndPoint?.ToString() ?? "?", options.MaxConnections);
                    client.Dispose();
                    continue;
                }

                connections.Add(Serve(client, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
            await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task Serve(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var status = ingestor.Status;
        var remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
        status.Recovered();
        status.ConnectionOpened();
        IngestionLog.ListenerConnection(logger, status.Name, remote, "opened");
        try
        {
            using (client)
            {
                await using var stream = client.GetStream();
                await ingestor.ReadStreamAsync(stream, cancellationToken, options.IdleTimeout);
            }
        }
        catch (TimeoutException)
        {
            // Frees the slot for a pusher that has something to send.
            status.IdleClosed();
            IngestionLog.IdleConnectionClosed(logger, status.Name, remote, options.IdleTimeout);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            status.Error($"{remote}: {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.ConnectionClosed();
            IngestionLog.ListenerConnection(logger, status.Name, remote, "closed");
        }
    }
}

/// <summary>
/// Replays a recorded SBS-1 log: each line is released when its recorded time, scaled by the speed factor, has
/// passed since the start, and is re-stamped to that moment so the replay looks live to the rest of LiveTrack.
/// Lines without a time are released at once.
/// </summary>
internal sealed class SbsReplayFeed(FeedOptions options, FeedIngestor ingestor, TimeProvider timeProvider, ILogger logger) : IFeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var status = ingestor.Status;
        status.Endpoint = options.Path;
        do
        {
            status.State = FeedState.Running;
            status.Recovered();
            var lines = await ReplayOnce(cancellationToken);
            IngestionLog.ReplayFinished(logger, status.Name, options.Path!, lines);
        }
        while (options.Loop && !cancellationToken.IsCancellationRequested);

        status.State = FeedState.Completed;
    }

    private async Task<long> ReplayOnce(CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(options.Path!, System.Text.Encoding.UTF8);
        var start = timeProvider.GetUtcNow();
        DateTimeOffset? first = null;
        long count = 0;
        var bytes = new byte[SbsParser.MaxLineLength * 4 + 4];
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            count++;
            // At most MaxLineLength + 1 characters: enough for the parser to call an over-long line malformed.
            var length = System.Text.Encoding.UTF8.GetBytes(line.AsSpan(0, Math.Min(line.Length, SbsParser.MaxLineLength + 1)), bytes);
            if (ingestor.Parse(bytes.AsSpan(0, length), out var message) != SbsParseStatus.Message)
            {
                continue;
            }

            DateTimeOffset? stamp = null;
            if ((message.GeneratedAt ?? message.LoggedAt) is { } recorded)
            {
                first ??= recorded;
                var offset = TimeSpan.FromTicks((long)((recorded - first.Value).Ticks / options.Speed));
                stamp = start + (offset < TimeSpan.Zero ? TimeSpan.Zero : offset);
                var wait = stamp.Value - timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, cancellationToken);
                }
            }

            await ingestor.Publish(message, timeProvider.GetUtcNow(), stamp ?? timeProvider.GetUtcNow(), cancellationToken);
        }

        return count;
    }
}

/// <summary>The built-in traffic simulator, rendered to SBS-1 lines and read back through the same parser as real feeds.</summary>
internal sealed class SimulatorFeed(FeedOptions options, FeedIngestor ingestor, TimeProvider timeProvider) : IFeed
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var simulator = new TrafficSimulator(
            new SimulationOptions { AircraftCount = options.Aircraft, Seed = options.Seed, IncludeGulfOfCaliforniaScenario = options.GulfOfCaliforniaScenario },
            timeProvider.GetUtcNow());
        ingestor.Status.State = FeedState.Running;
        ingestor.Status.Recovered();
        ingestor.Status.Endpoint = $"simulator: {simulator.Flights.Count} flights";
        if (ingestor.ModeS is { } modeS)
        {
            await RunBeast(simulator, modeS, cancellationToken);
            return;
        }

        var messages = new List<SbsMessage>();
        var line = new byte[SbsParser.MaxLineLength];
        using var timer = new PeriodicTimer(options.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = timeProvider.GetUtcNow();
            messages.Clear();
            simulator.Advance(now, messages);
            foreach (var generated in messages)
            {
                if (SbsFormatter.TryFormat(generated, line, out var written)
                    && ingestor.Parse(line.AsSpan(0, written), out var parsed) == SbsParseStatus.Message)
                {
                    await ingestor.Publish(parsed, now, null, cancellationToken);
                }
            }
        }
    }

    /// <summary>The same traffic rendered as Beast frames and read back through the Mode S decoder.</summary>
    private async Task RunBeast(TrafficSimulator simulator, ModeSFeedDecoder decoder, CancellationToken cancellationToken)
    {
        var renderer = new ModeSRenderer(simulator.Start);
        var framer = new LiveTrack.ModeS.BeastFramer();
        var clock = new ArrivalClock();
        var messages = new List<SbsMessage>();
        var bytes = new byte[ModeSRenderer.MaxBytesPerMessage];
        var reports = new List<AircraftReport>(16);
        using var timer = new PeriodicTimer(options.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = timeProvider.GetUtcNow();
            messages.Clear();
            simulator.Advance(now, messages);
            foreach (var generated in messages)
            {
                var length = renderer.Render(generated, bytes);
                for (var offset = 0; offset < length;)
                {
                    offset += decoder.DecodeBeast(framer, clock, bytes.AsSpan(offset, length - offset), ingestor, now, reports);
                    foreach (var report in reports)
                    {
                        await ingestor.Publish(report, cancellationToken);
                    }

                    reports.Clear();
                }
            }
        }
    }
}
