using System.Net.Sockets;
using System.Text;

namespace LiveTrack.Server.Tests;

/// <summary>
/// HTTP/1.1 over a raw socket, for what HttpClient cannot show: the answer to a huge body the server refuses
/// while the client is still sending it (HttpClient reports the broken pipe instead of the response).
/// </summary>
internal static class RawHttp
{
    public sealed record Response(int Status, string? ContentType, string Body);

    /// <summary>Sends the request line and headers, then streams <paramref name="bodyBytes"/> spaces while reading the response.</summary>
    public static async Task<Response> Send(Uri baseAddress, HttpRequestMessage request, long bodyBytes, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = client.GetStream();
        var head = new StringBuilder($"{request.Method} {request.RequestUri} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json\r\n");
        foreach (var header in request.Headers.Where(h => h.Key != "Expect"))
        {
            head.Append(header.Key).Append(": ").Append(string.Join(",", header.Value)).Append("\r\n");
        }

        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {bodyBytes}\r\n").Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));

        using var stop = new CancellationTokenSource();
        var sending = SendBody(stream, bodyBytes, chunked, stop.Token);
        var response = await ReadResponse(stream).WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await sending;
        return response;
    }

    private static async Task SendBody(NetworkStream stream, long bodyBytes, bool chunked, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        var prefix = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        var suffix = "\r\n"u8.ToArray();
        try
        {
            for (long sent = 0; sent < bodyBytes && !cancellationToken.IsCancellationRequested; sent += chunk.Length)
            {
                if (chunked)
                {
                    await stream.WriteAsync(prefix, cancellationToken);
                }

                await stream.WriteAsync(chunk, cancellationToken);
                if (chunked)
                {
                    await stream.WriteAsync(suffix, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // Expected: the server refused the body and closed the connection, or the response is in.
        }
    }

    private static async Task<Response> ReadResponse(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[16 * 1024];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("The connection closed before a response arrived.");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string? Header(string name) => head.Skip(1).Select(h => h.Split(':', 2)).Where(h => h[0].Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h[1].Trim()).FirstOrDefault();
        var length = int.Parse(Header("Content-Length") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var body = received.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            body.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return new Response(status, Header("Content-Type")?.Split(';')[0], Encoding.UTF8.GetString([.. body]));
    }

    private static int IndexOf(List<byte> bytes, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            if (bytes.Skip(i).Take(pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        return -1;
    }
}
