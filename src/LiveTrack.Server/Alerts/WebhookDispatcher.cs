using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using LiveTrack.Alerting;
using LiveTrack.Grains;
using LiveTrack.Server.Hosting;
using LiveTrack.Telemetry;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Delivers alerts to webhooks in the background: an HTTP POST of the alert's JSON, signed with HMAC-SHA256 over the
/// body (<c>X-LiveTrack-Signature: sha256=…</c>), with the alert id as <c>Idempotency-Key</c>. Failures (network
/// errors, timeouts, 408, 429 and 5xx) are retried with exponential backoff and full jitter until
/// <see cref="WebhookOptions.GiveUpAfter"/>; then, or at once for any other status, the delivery becomes a dead letter
/// kept in the <see cref="IDeadLetterStore"/>, listed by the API and re-sendable. Each delivery runs on its own, so a slow or
/// failing webhook never delays rule evaluation or other deliveries; redirects are not followed and every attempt
/// re-checks the allow-list. A delivery is stored (<see cref="IWebhookDeliveryStore"/>) before its first attempt and
/// removed once acknowledged or dead-lettered: one in flight when the server stops or is killed resumes at the next
/// start, with the same delivery id and idempotency key. Before each attempt the node claims the delivery's lease
/// (<see cref="IWebhookDeliveryStore.TryClaim"/>, <see cref="LiveTrackClusterOptions.FeedLeaseDuration"/>, owner
/// <see cref="LiveTrackClusterOptions.EffectiveNodeName"/>) and drops a delivery whose lease another node holds; with
/// a shared store it renews the leases of its deliveries and takes over claimable ones (a killed node's, once their
/// leases expire) every third of the lease. A node that stops releases its leases, so another takes them at once.
/// </summary>
public sealed partial class WebhookDispatcher : IAlertDelivery, IHostedService, IDisposable
{
    public const string HttpClientName = "livetrack-webhooks";
    private readonly IHttpClientFactory httpClients;
    private readonly RuleCatalog rules;
    private readonly WebhookOptions options;
    private readonly RetrySchedule schedule;
    private readonly TimeProvider timeProvider;
    private readonly LiveTrackMetrics metrics;
    private readonly ILogger<WebhookDispatcher> logger;
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly IDeadLetterStore deadLetters;
    private readonly HashSet<Task> running = [];
    private readonly IWebhookDeliveryStore queue;

    /// <summary>The deliveries this node is running, each with what stops it when its lease is lost.</summary>
    private readonly Dictionary<string, CancellationTokenSource> inFlight = new(StringComparer.Ordinal);
    private readonly string owner;
    private readonly TimeSpan leaseDuration;
    private Task leases = Task.CompletedTask;

    public WebhookDispatcher(IHttpClientFactory httpClients, RuleCatalog rules, IWebhookDeliveryStore queue, IDeadLetterStore deadLetters, IOptions<AlertOptions> options, IOptions<LiveTrackClusterOptions> cluster, TimeProvider timeProvider, LiveTrackMetrics metrics, ILogger<WebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        owner = cluster.Value.EffectiveNodeName;
        leaseDuration = cluster.Value.FeedLeaseDuration;
        this.httpClients = httpClients;
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.rules = rules;
        this.options = options.Value.Webhooks;
        this.timeProvider = timeProvider;
        this.metrics = metrics;
        this.logger = logger;
        schedule = new RetrySchedule(this.options.InitialRetryDelay, this.options.MaxRetryDelay, this.options.GiveUpAfter);
        slots = new SemaphoreSlim(this.options.MaxConcurrent, this.options.MaxConcurrent);
    }

    public async Task Enqueue(Alert alert, IReadOnlyList<WebhookTarget> webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        foreach (var target in webhooks)
        {
            await Queue(alert, target);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLetters() => deadLetters.List(CancellationToken.None);

    public async Task<bool> Resend(string deadLetterId)
    {
        // The secret is the rule's current one: a dead letter whose rule or webhook is gone cannot be signed.
        var letter = (await deadLetters.List(CancellationToken.None)).FirstOrDefault(d => d.Id == deadLetterId);
        var target = letter is null ? null : rules.Current.Find(letter.Alert.RuleId)?.Webhooks.FirstOrDefault(w => w.Url.AbsoluteUri == letter.Url);

        // Taken off the list before it is queued: of two concurrent re-sends of one letter (on any silo), one sends.
        if (letter is null || target is null || !await deadLetters.Remove(deadLetterId, CancellationToken.None))
        {
            return false;
        }

        await Queue(letter.Alert, target);
        return true;
    }

    /// <summary>
    /// Resumes the deliveries left queued by the last run (stopped or killed before they were acknowledged) that no
    /// other node holds; with a shared store, then keeps its leases and takes over claimable deliveries in the background.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Resume(await queue.LoadClaimable(owner, cancellationToken), cancellationToken);
        if (queue.IsShared)
        {
            leases = Task.Run(() => KeepLeases(stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        Task[] pending;
        lock (gate)
        {
            pending = [.. running, leases];
        }

        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        stopping.Dispose();
        slots.Dispose();
    }

    /// <summary>Stores a new delivery (before its first attempt: once this returns, it survives a crash), then starts it.</summary>
    private async Task Queue(Alert alert, WebhookTarget target)
    {
        var delivery = new PendingDelivery(Guid.NewGuid().ToString("N"), alert, target.Url.AbsoluteUri, timeProvider.GetUtcNow());
        await queue.Save(delivery, CancellationToken.None);
        Start(delivery, target);
    }

    /// <summary>Starts the queued deliveries this node may claim and is not running yet.</summary>
    private async Task Resume(IReadOnlyList<PendingDelivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var delivery in deliveries)
        {
            if (IsRunning(delivery.Id))
            {
                continue;
            }

            // Claimed first, so that of several nodes finding it claimable one resumes it (or dead-letters it).
            if (!await Claim(delivery, cancellationToken))
            {
                continue;
            }

            var target = rules.Current.Find(delivery.Alert.RuleId)?.Webhooks.FirstOrDefault(w => w.Url.AbsoluteUri == delivery.Url);
            if (target is null)
            {
                // Its rule or webhook is gone: nothing to sign it with. Kept as a dead letter, as a give-up would be.
                await GiveUp(delivery, delivery.LastError ?? "the rule or its webhook was removed before the delivery succeeded");
                continue;
            }

            LogResumed(logger, delivery.Alert.Id, delivery.Url, delivery.Attempts);
            Start(delivery, target);
        }
    }

    private bool IsRunning(string deliveryId)
    {
        lock (gate)
        {
            return inFlight.ContainsKey(deliveryId);
        }
    }

    private void Start(PendingDelivery delivery, WebhookTarget target)
    {
        lock (gate)
        {
            if (stopping.IsCancellationRequested || inFlight.ContainsKey(delivery.Id))
            {
                return; // Stays queued: the next start resumes it. Or it already runs here.
            }

            var lost = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            inFlight.Add(delivery.Id, lost);
            var task = Task.Run(() => Deliver(delivery, target, lost.Token));
            running.Add(task);
            task.ContinueWith(
                t =>
                {
                    lock (gate)
                    {
                        running.Remove(t);
                        inFlight.Remove(delivery.Id);
                    }

                    lost.Dispose();
                },
                TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Every third of the lease: renews the leases of the deliveries running here (one lost to another node stops
    /// here), then starts the claimable ones (those of a killed node once their leases expire, or left by a node that
    /// stopped). A store that cannot be reached is tried again at the next round.
    /// </summary>
    private async Task KeepLeases(CancellationToken cancellationToken)
    {
        var interval = leaseDuration / 3;
        while (true)
        {
            try
            {
                await Task.Delay(interval, timeProvider, cancellationToken);
                await Renew(cancellationToken);
                await Resume(await queue.LoadClaimable(owner, cancellationToken), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLeaseRoundFailed(logger, ex);
            }
        }
    }

    private async Task Renew(CancellationToken cancellationToken)
    {
        string[] ids;
        lock (gate)
        {
            ids = [.. inFlight.Keys];
        }

        foreach (var id in ids)
        {
            if (await queue.TryClaim(id, owner, leaseDuration, cancellationToken))
            {
                continue;
            }

            lock (gate)
            {
                if (inFlight.TryGetValue(id, out var lost))
                {
                    LogLeaseLost(logger, id);
                    lost.Cancel();
                }
            }
        }
    }

    /// <summary>Takes or renews the delivery's lease; false when another node holds it or the store cannot say.</summary>
    private async Task<bool> Claim(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            if (await queue.TryClaim(delivery.Id, owner, leaseDuration, cancellationToken))
            {
                return true;
            }

            LogHeldElsewhere(logger, delivery.Alert.Id, delivery.Id);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left queued: the next round of KeepLeases (or the next start) claims it again.
            LogClaimFailed(logger, delivery.Alert.Id, ex);
            return false;
        }
    }

    /// <summary>Gives the lease up (when done, or when stopping so that another node takes it at once); a failure only delays that.</summary>
    private async Task Release(string deliveryId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await queue.Release(deliveryId, owner, timeout.Token);
        }
        catch (Exception ex)
        {
            LogReleaseFailed(logger, deliveryId, ex);
        }
    }

    private async Task Deliver(PendingDelivery delivery, WebhookTarget target, CancellationToken cancellationToken)
    {
        var alert = delivery.Alert;
        var body = AlertJson.SerializeToUtf8Bytes(alert);
        var signature = WebhookSignature.Sign(body, target.Secret);
        var deliveryId = delivery.Id;
        var first = delivery.QueuedAt;
        string? error = delivery.LastError;
        var attempts = delivery.Attempts;
        try
        {
            while (true)
            {
                var claimedAt = timeProvider.GetTimestamp();
                if (!await Claim(delivery, cancellationToken))
                {
                    return; // Another node holds it (it resumes it with the same key), or the store is unreachable.
                }

                attempts++;
                var (ok, retry, failure) = await Attempt(alert, target, body, signature, deliveryId, attempts, claimedAt, cancellationToken);
                if (ok)
                {
                    await Forget(delivery);
                    return;
                }

                error = failure;
                delivery = delivery with { Attempts = attempts, LastError = failure };
                await queue.Save(delivery, CancellationToken.None);
                var delay = retry ? schedule.NextDelay(attempts, timeProvider.GetUtcNow() - first, Random.Shared) : null;
                if (delay is not { } wait)
                {
                    break;
                }

                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping: the delivery stays queued, its lease is given up for another node to take it at
            // once (or the next start resumes it). Or its lease was lost: the node holding it now carries on.
            if (stopping.IsCancellationRequested)
            {
                await Release(deliveryId);
            }

            return;
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the delivery is not lost silently: it becomes a dead letter.
            error = ex.Message;
        }

        await GiveUp(delivery with { Attempts = attempts }, error);
    }

    /// <summary>The delivery becomes a dead letter (listed, re-sendable) and leaves the queue.</summary>
    private async Task GiveUp(PendingDelivery delivery, string? error)
    {
        await DeadLetter(new DeadLetter
        {
            Id = delivery.Id,
            Alert = delivery.Alert,
            Url = delivery.Url,
            Attempts = delivery.Attempts,
            LastError = error,
            FirstAttemptAt = delivery.QueuedAt,
            DeadAt = timeProvider.GetUtcNow(),
        });
        await Forget(delivery);
    }

    /// <summary>
    /// Removes a finished delivery from the queue, then releases its lease (in that order: a node claiming it after the
    /// release finds it gone); a failure is logged (the next start would resend it, same key).
    /// </summary>
    private async Task Forget(PendingDelivery delivery)
    {
        try
        {
            await queue.Delete(delivery.Id, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotDequeued(logger, delivery.Alert.Id, ex);
            return;
        }

        await Release(delivery.Id);
    }

    /// <summary>One POST. Returns success, whether a failure is worth retrying, and what went wrong.</summary>
    private async Task<(bool Ok, bool Retry, string? Error)> Attempt(Alert alert, WebhookTarget target, byte[] body, string signature, string deliveryId, int attempt, long claimedAt, CancellationToken cancellationToken)
    {
        if (!rules.AllowList.Allows(target.Url, out var refused))
        {
            LogRefused(logger, alert.Id, refused);
            return (false, false, refused);
        }

        using var span = LiveTrackDiagnostics.StartFrom(Spans.WebhookDeliver, ActivityKind.Client, alert.TraceParent);
        span?.SetTag(Tags.AlertId, alert.Id);
        span?.SetTag(Tags.RuleId, alert.RuleId);
        span?.SetTag(Tags.WebhookHost, target.Url.Host);
        span?.SetTag(Tags.Attempt, attempt);
        metrics.WebhookAttempts.Add(1);
        await slots.WaitAsync(cancellationToken);

        // With a shared store the attempt also ends before the lease claimed for it could expire, renewed or not.
        var limit = options.Timeout;
        if (queue.IsShared && leaseDuration - timeProvider.GetElapsedTime(claimedAt) is var left && left < limit)
        {
            limit = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.HeaderName, signature);
            request.Headers.Add(WebhookSignature.IdempotencyHeaderName, alert.Id);
            request.Headers.Add("X-LiveTrack-Delivery", deliveryId);
            request.Headers.Add("X-LiveTrack-Attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (true, false, null);
            }

            var status = (int)response.StatusCode;
            var retry = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return Failed($"HTTP {status} {response.ReasonPhrase}", retry);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"no response within {limit}", retry: true);
        }
        catch (HttpRequestException ex)
        {
            return Failed(ex.Message, retry: true);
        }
        finally
        {
            slots.Release();
        }

        (bool, bool, string?) Failed(string error, bool retry)
        {
            metrics.WebhookFailures.Add(1);
            span?.SetStatus(ActivityStatusCode.Error, error);
            LogAttemptFailed(logger, alert.Id, target.Url.Host, attempt, error);
            return (false, retry, error);
        }
    }

    private async Task DeadLetter(DeadLetter letter)
    {
        await deadLetters.Add(letter, CancellationToken.None);

        // Counted and logged once it is listed: whoever sees the count can find the letter.
        metrics.WebhookDeadLetters.Add(1);
        LogDeadLetter(logger, letter.Alert.Id, letter.Url, letter.Attempts, letter.LastError);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Webhook attempt {Attempt} for alert {AlertId} to {Host} failed: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string alertId, string host, int attempt, string error);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "Webhook delivery of alert {AlertId} to {Url} given up after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, string alertId, string url, int attempts, string? error);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Resuming the webhook delivery of alert {AlertId} to {Url} after {Attempts} attempts")]
    private static partial void LogResumed(ILogger logger, string alertId, string url, int attempts);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "The finished webhook delivery of alert {AlertId} could not be removed from the queue")]
    private static partial void LogNotDequeued(ILogger logger, string alertId, Exception exception);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Information, Message = "The webhook delivery {DeliveryId} of alert {AlertId} is held by another node: left to it")]
    private static partial void LogHeldElsewhere(ILogger logger, string alertId, string deliveryId);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Warning, Message = "The lease of webhook delivery {DeliveryId} was taken by another node: stopped here")]
    private static partial void LogLeaseLost(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "The webhook delivery of alert {AlertId} could not be claimed; it stays queued for the next try")]
    private static partial void LogClaimFailed(ILogger logger, string alertId, Exception exception);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "The lease of webhook delivery {DeliveryId} could not be released; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "Renewing webhook delivery leases or taking over claimable deliveries failed; tried again next round")]
    private static partial void LogLeaseRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Webhook for alert {AlertId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string alertId, string reason);
}
