using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LiveTrack.Adsb;
using LiveTrack.Geo;
using Microsoft.Extensions.Logging;

namespace LiveTrack.Ingestion;

/// <summary>A feed's document could not be used; the feed backs off and retries.</summary>
internal sealed class FeedFetchException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Set when the server said how long to wait (HTTP 429).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Polls a snapshot document (readsb aircraft.json or OpenSky states) and publishes what changed since the previous
/// poll. A document that fails to download or parse is counted and nothing of it is applied; the feed retries with
/// exponential backoff (or after the server's rate-limit delay) and other feeds are unaffected.
/// </summary>
internal sealed class SnapshotPollingFeed(
    FeedOptions options,
    FeedIngestor ingestor,
    Func<CancellationToken, Task<byte[]>> fetch,
    SnapshotParser parse,
    TimeSpan defaultPollInterval,
    TimeProvider timeProvider,
    ILogger logger) : IFeed
{
    private static readonly TimeSpan ErrorLogInterval = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, (DateTimeOffset Time, DateTimeOffset? PositionTime)> previous = new(StringComparer.Ordinal);
    private DateTimeOffset lastErrorLog = DateTimeOffset.MinValue;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var status = ingestor.Status;
        status.Endpoint = options.Url?.GetLeftPart(UriPartial.Path) ?? options.Path;
        var interval = options.PollInterval ?? defaultPollInterval;
        var delay = options.ReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                status.State = FeedState.Polling;
                await PollOnce(cancellationToken);
                status.Recovered();
                delay = options.ReconnectDelay;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (FeedFetchException ex)
            {
                status.Error(ex.Message);
                status.Reconnecting();
                if (ex.RetryAfter is { } retryAfter)
                {
                    status.State = FeedState.RateLimited;
                    wait = retryAfter;
                }
                else
                {
                    status.State = FeedState.Disconnected;
                    wait = Max(interval, delay);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxReconnectDelay.Ticks));
                }

                LogError(ex.Message, wait);
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PollOnce(CancellationToken cancellationToken)
    {
        var status = ingestor.Status;
        var document = await fetch(cancellationToken);
        var receivedAt = timeProvider.GetUtcNow();
        status.Line();
        if (!parse(document, out var result, out var error))
        {
            status.MalformedLine($"document of {document.Length} bytes: {error}");
            throw new FeedFetchException($"unusable document: {error}");
        }

        for (var i = 0; i < result.Malformed; i++)
        {
            status.MalformedLine(result.Errors.Count > 0 ? result.Errors[Math.Min(i, result.Errors.Count - 1)] : "malformed entry");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var observation in result.Aircraft)
        {
            seen.Add(observation.Icao);
            var hadBefore = previous.TryGetValue(observation.Icao, out var before);
            var positionChanged = !hadBefore || before.PositionTime != observation.PositionTime;
            var fieldsChanged = !hadBefore || before.Time != observation.Time;
            previous[observation.Icao] = (observation.Time, observation.PositionTime);
            if (!positionChanged && !fieldsChanged)
            {
                continue;
            }

            var hasNewPosition = positionChanged && observation.Latitude.HasValue;
            status.Message(hasNewPosition);
            foreach (var report in ObservationReports.ToReports(observation, status.Name, receivedAt, positionChanged, fieldsChanged))
            {
                await ingestor.Publish(report, cancellationToken);
            }
        }

        // Forget aircraft the document no longer lists, so memory follows the live picture.
        if (previous.Count > seen.Count)
        {
            foreach (var icao in previous.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                previous.Remove(icao);
            }
        }
    }

    private void LogError(string message, TimeSpan wait)
    {
        var now = timeProvider.GetUtcNow();
        if (now - lastErrorLog >= ErrorLogInterval)
        {
            lastErrorLog = now;
            IngestionLog.PollFailed(logger, ingestor.Status.Name, message, wait);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

internal delegate bool SnapshotParser(ReadOnlySpan<byte> document, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SnapshotParseResult? result, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error);

/// <summary>Fetches snapshot documents over HTTP (or from a file), mapping failures to <see cref="FeedFetchException"/>.</summary>
internal static class SnapshotFetch
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    public static Func<CancellationToken, Task<byte[]>> FromFile(string path, long maxBytes) => async cancellationToken =>
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
            return await ReadCapped(file, maxBytes, path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FeedFetchException($"reading {path} failed: {ex.Message}", inner: ex);
        }
    };

    public static async Task<byte[]> Get(HttpClient http, Uri url, AuthenticationHeaderValue? authorization, TimeSpan timeout, long maxBytes, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.ParseAdd("application/json");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfter(response) ?? TimeSpan.FromMinutes(1);
                throw new FeedFetchException($"rate limited (HTTP 429), retrying after {retryAfter}", retryAfter < MaxRetryAfter ? retryAfter : MaxRetryAfter);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FeedFetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {url.GetLeftPart(UriPartial.Path)}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new FeedFetchException($"document of {response.Content.Headers.ContentLength} bytes is over the {maxBytes} byte limit (MaxDocumentBytes)");
            }

            // Streamed with a cap: a body without Content-Length (chunked) is cut off at the limit, never buffered whole.
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            return await ReadCapped(body, maxBytes, url.GetLeftPart(UriPartial.Path), cts.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedFetchException($"no answer from {url.GetLeftPart(UriPartial.Path)} within {timeout}", inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedFetchException($"request to {url.GetLeftPart(UriPartial.Path)} failed: {ex.Message}", inner: ex);
        }
    }

    /// <summary>Reads a whole stream, failing as soon as it has yielded more than <paramref name="maxBytes"/>.</summary>
    internal static async Task<byte[]> ReadCapped(Stream stream, long maxBytes, string source, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            using var document = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (document.Length + read > maxBytes)
                {
                    throw new FeedFetchException($"document from {source} is over the {maxBytes} byte limit (MaxDocumentBytes); stopped reading it");
                }

                document.Write(buffer, 0, read);
            }

            return document.ToArray();
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        // OpenSky's own header, then the standard one.
        if (response.Headers.TryGetValues("X-Rate-Limit-Retry-After-Seconds", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return response.Headers.RetryAfter?.Delta;
    }
}

/// <summary>
/// OpenSky's request: the states URL with the optional area, and an OAuth2 client-credentials token fetched when
/// needed and refreshed a minute before it expires.
/// </summary>
internal sealed class OpenSkyClient(FeedOptions options, HttpClient http, TimeProvider timeProvider)
{
    public static readonly Uri DefaultStatesUrl = new("https://opensky-network.org/api/states/all");
    public static readonly Uri DefaultTokenUrl = new("https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token");
    private string? token;
    private DateTimeOffset tokenExpires;

    public Uri StatesUrl
    {
        get
        {
            var url = options.Url ?? DefaultStatesUrl;
            if (options.Area is null || !BoundingBox.TryParse(options.Area, out var area, out _))
            {
                return url;
            }

            var query = string.Create(CultureInfo.InvariantCulture, $"lamin={area.MinLatitude}&lomin={area.MinLongitude}&lamax={area.MaxLatitude}&lomax={area.MaxLongitude}");
            return new UriBuilder(url) { Query = query }.Uri;
        }
    }

    public async Task<byte[]> Fetch(CancellationToken cancellationToken)
    {
        var authorization = string.IsNullOrEmpty(options.ClientId) ? null : new AuthenticationHeaderValue("Bearer", await Token(cancellationToken));
        return await SnapshotFetch.Get(http, StatesUrl, authorization, options.RequestTimeout, options.MaxDocumentBytes, cancellationToken);
    }

    private async Task<string> Token(CancellationToken cancellationToken)
    {
        if (token is not null && timeProvider.GetUtcNow() < tokenExpires - TimeSpan.FromMinutes(1))
        {
            return token;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.PostAsync(options.TokenUrl ?? DefaultTokenUrl, form, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedFetchException($"token request failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cts.Token);
            if (string.IsNullOrEmpty(body?.access_token))
            {
                throw new FeedFetchException("token response without access_token");
            }

            token = body.access_token;
            tokenExpires = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(body.expires_in > 0 ? body.expires_in : 300);
            return token;
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FeedFetchException($"token request failed: {ex.Message}", inner: ex);
        }
    }

#pragma warning disable IDE1006, CA1812 // Wire names of the OAuth2 token response; created by the JSON deserializer.
    private sealed record TokenResponse(string? access_token, int expires_in);
#pragma warning restore IDE1006, CA1812
}
