using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LiveTrack.Cluster.Tests;

/// <summary>
/// A live SBS-1 source for one aircraft flying north at ~55 m/s: its latitude follows the clock (so a later line is
/// further north, whoever receives it), one line every 200 ms. <see cref="ServeAsync"/> plays a receiver that silos
/// connect to (an SbsClient feed); <see cref="PushAsync"/> pushes to a silo's listener.
/// </summary>
public sealed class SbsSource(string icao, double startLatitude, double longitude)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow;
    private int connections;

    public string Icao { get; } = icao;

    /// <summary>Connections a receiver has accepted so far (each silo that ran the feed connected once).</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>The latitude a line sent now carries.</summary>
    public double LatitudeNow => LatitudeAt(DateTimeOffset.UtcNow);

    public async Task ServeAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var clients = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                Interlocked.Increment(ref connections);
                clients.Add(StreamTo(client, cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(clients);
    }

    public async Task PushAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(endpoint, cancellationToken);
        await StreamTo(client, cancellationToken);
    }

    private async Task StreamTo(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            using var tick = new PeriodicTimer(Interval);
            try
            {
                var stream = client.GetStream();
                do
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(Line(DateTimeOffset.UtcNow)), cancellationToken);
                }
                while (await tick.WaitForNextTickAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The silo died or the test ended.
            }
        }
    }

    private double LatitudeAt(DateTimeOffset at) => startLatitude + ((at - start).TotalSeconds * 0.0005);

    private string Line(DateTimeOffset at)
    {
        var stamp = at.UtcDateTime.ToString("yyyy/MM/dd,HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"MSG,3,1,1,{Icao},1,{stamp},{stamp},,30000,,,{LatitudeAt(at):F5},{longitude:F5},,,0,0,0,0\r\n");
    }
}
