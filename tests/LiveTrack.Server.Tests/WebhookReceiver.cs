using System.Collections.Concurrent;
using System.Net;
using LiveTrack.Alerting;

namespace LiveTrack.Server.Tests;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (a real HTTP listener) that checks each request's signature, answers with a
/// scripted status, and accepts each idempotency key once, as a well-behaved receiver would.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";
    private readonly HttpListener listener = new();
    private readonly Func<int, HttpStatusCode> respond;
    private readonly ConcurrentDictionary<string, Alert> accepted = new(StringComparer.Ordinal);
    private int requests;

    public WebhookReceiver(Func<int, HttpStatusCode>? respond = null)
    {
        this.respond = respond ?? (_ => HttpStatusCode.OK);
        var port = LiveTrackTestServer.FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/livetrack");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(Serve);
    }

    public Uri Url { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Alerts accepted (2xx answered), by idempotency key: a retried delivery is accepted once.</summary>
    public IReadOnlyDictionary<string, Alert> Accepted => accepted;

    /// <summary>Waits until <paramref name="condition"/> holds, failing with what was received after the timeout.</summary>
    public async Task WaitFor(Func<WebhookReceiver, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(this))
        {
            Assert.False(cts.IsCancellationRequested, $"Timed out waiting for {what}; received {Received.Count} requests, accepted {accepted.Count}.");
            await Task.Delay(20);
        }
    }

    public void Dispose() => listener.Close();

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            var received = new ReceivedWebhook(
                bytes,
                context.Request.Headers[WebhookSignature.HeaderName],
                context.Request.Headers[WebhookSignature.IdempotencyHeaderName],
                context.Request.Headers["X-LiveTrack-Attempt"],
                WebhookSignature.Verify(bytes, Secret, context.Request.Headers[WebhookSignature.HeaderName]));
            var status = received.SignatureValid ? respond(Interlocked.Increment(ref requests)) : HttpStatusCode.Unauthorized;
            if ((int)status is >= 200 and < 300 && received.IdempotencyKey is { } key)
            {
                accepted.TryAdd(key, AlertJson.Deserialize(bytes)!);
            }

            Received.Enqueue(received);
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }
}

public sealed record ReceivedWebhook(byte[] Body, string? Signature, string? IdempotencyKey, string? Attempt, bool SignatureValid);
