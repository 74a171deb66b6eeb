using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LiveTrack.Alerting;
using LiveTrack.TestSupport;
using Microsoft.AspNetCore.Http;

namespace LiveTrack.Cluster.Tests;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (a <see cref="TestHttpEndpoint"/>) that answers 500 while <see cref="Failing"/> and 200 after,
/// checks each signature and records every request, so a test sees which attempts silos made and which one succeeded.
/// </summary>
public sealed class FlakyWebhookReceiver : IAsyncDisposable
{
    public const string Secret = "cluster-webhook-secret-0123456789";
    private readonly Stopwatch clock;
    private readonly Lock gate = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool failing = true;

    private TestHttpEndpoint endpoint = null!;

    private FlakyWebhookReceiver(Stopwatch clock) => this.clock = clock;

    public Uri Url { get; private set; } = null!;

    /// <summary>Whether requests are answered 500 (they are until a test sets this to false).</summary>
    public bool Failing
    {
        get => failing;
        set => failing = value;
    }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<WebhookAttempt> Received { get; } = new();

    public static async Task<FlakyWebhookReceiver> StartAsync(Stopwatch clock)
    {
        var receiver = new FlakyWebhookReceiver(clock);
        receiver.endpoint = await TestHttpEndpoint.StartAsync(receiver.Handle);
        receiver.Url = new Uri(receiver.endpoint.BaseAddress, "/hooks/livetrack");
        return receiver;
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the requests received, re-checking it at each request.</summary>
    public async Task<WebhookAttempt[]> WaitForAsync(Func<WebhookAttempt[], bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                next = changed.Task;
            }

            var received = Received.ToArray();
            if (condition(received))
            {
                return received;
            }

            await next.WaitAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => endpoint.DisposeAsync();

    private async Task Handle(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value.ToString() : null;
        var valid = WebhookSignature.Verify(body.ToArray(), Secret, Header(WebhookSignature.HeaderName));
        var status = !valid ? StatusCodes.Status401Unauthorized : failing ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        _ = int.TryParse(Header("X-LiveTrack-Attempt"), NumberStyles.None, CultureInfo.InvariantCulture, out var attempt);
        Received.Enqueue(new WebhookAttempt(Header(WebhookSignature.IdempotencyHeaderName), Header("X-LiveTrack-Delivery"), attempt, valid, status, clock.Elapsed));
        context.Response.StatusCode = status;
        await context.Response.CompleteAsync();
        lock (gate)
        {
            changed.TrySetResult();
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
