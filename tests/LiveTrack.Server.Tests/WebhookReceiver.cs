using System.Collections.Concurrent;
using System.Net;
using LiveTrack.Alerting;
using LiveTrack.TestSupport;
using Microsoft.AspNetCore.Http;

namespace LiveTrack.Server.Tests;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (Kestrel on port 0) that checks each request's signature, answers with a scripted
/// status, and accepts each idempotency key once, as a well-behaved receiver would.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";
    private readonly Func<int, HttpStatusCode> respond;
    private readonly ConcurrentDictionary<string, Alert> accepted = new(StringComparer.Ordinal);
    private readonly ChangeSignal changed = new();
    private TestHttpEndpoint? endpoint;
    private int requests;

    private WebhookReceiver(Func<int, HttpStatusCode>? respond) => this.respond = respond ?? (_ => HttpStatusCode.OK);

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Alerts accepted (2xx answered), by idempotency key: a retried delivery is accepted once.</summary>
    public IReadOnlyDictionary<string, Alert> Accepted => accepted;

    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpStatusCode>? respond = null)
    {
        var receiver = new WebhookReceiver(respond);
        receiver.endpoint = await TestHttpEndpoint.StartAsync(receiver.Handle);
        receiver.Url = new Uri(receiver.endpoint.BaseAddress, "/hooks/livetrack");
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking it at each request received.</summary>
    public Task WaitFor(Func<WebhookReceiver, bool> condition, string what, TimeSpan? timeout = null) => changed.WaitFor(
        () => condition(this),
        () => $"Timed out waiting for {what}; received {Received.Count} requests, accepted {accepted.Count}.",
        timeout);

    public async ValueTask DisposeAsync()
    {
        if (endpoint is not null)
        {
            await endpoint.DisposeAsync();
        }
    }

    private async Task Handle(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value.ToString() : null;
        var received = new ReceivedWebhook(
            bytes,
            Header(WebhookSignature.HeaderName),
            Header(WebhookSignature.IdempotencyHeaderName),
            Header("X-LiveTrack-Attempt"),
            WebhookSignature.Verify(bytes, Secret, Header(WebhookSignature.HeaderName)));
        var status = received.SignatureValid ? respond(Interlocked.Increment(ref requests)) : HttpStatusCode.Unauthorized;
        if ((int)status is >= 200 and < 300 && received.IdempotencyKey is { } key)
        {
            accepted.TryAdd(key, AlertJson.Deserialize(bytes)!);
        }

        Received.Enqueue(received);
        context.Response.StatusCode = (int)status;
        await context.Response.CompleteAsync();
        changed.Notify();
    }
}
