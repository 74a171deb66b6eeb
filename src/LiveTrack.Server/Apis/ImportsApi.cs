using System.Diagnostics;
using System.Globalization;
using LiveTrack.Import;
using LiveTrack.Server.Apis.Contracts;
using LiveTrack.Server.Hosting;
using LiveTrack.Server.History;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveTrack.Server.Apis;

/// <summary>
/// Imports of recorded data (README, "Importing recorded data"): the body is the file, streamed to a spool file and
/// imported in the background by <see cref="ImportService"/>; <c>GET /api/imports/{id}</c> follows it.
/// </summary>
public static class ImportsApi
{
    private const int MaxNameLength = 200;

    /// <summary>The longest <c>wait</c> of <c>GET /api/imports/{id}</c>, in seconds.</summary>
    internal const int MaxWaitSeconds = 60;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(ApiKeyAuthenticationHandler.ReaderPolicy);
        reads.MapGet("", List).WithName("ListImports").WithSummary("This server's imports, newest first");
        reads.MapGet("/{id}", Get).WithName("GetImport").WithSummary("One import's state, progress and counts")
            .WithDescription($"With wait=<seconds> (0–{MaxWaitSeconds}) the answer is held until the import has finished or the wait is over, whichever comes first: a client follows an import with one request instead of polling.");

        var writes = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(ApiKeyAuthenticationHandler.WriterPolicy);
        writes.MapPost("", Create).WithName("CreateImport").WithSummary("Import a recording (the body is the file)")
            .Accepts<Stream>("application/octet-stream", "application/gzip", "application/json", "text/plain", "text/csv");
        return app;
    }

    private static async Task<Results<Accepted<ImportStatus>, ValidationProblem, ProblemHttpResult>> Create(
        string? format, string? alerts, string? partial, string? name, string? feed, string? sbsUtcOffset,
        HttpRequest request, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var formatName = format ?? "auto";
        var parsedFormat = ImportFormatNames.Parse(formatName);
        if (parsedFormat is null)
        {
            errors["format"] = [$"'{Truncate(formatName)}' is not an import format: expected one of {ImportFormatNames.Expected}."];
        }

        var withAlerts = Flag(alerts, "alerts", errors);
        var keepPartial = Flag(partial, "partial", errors);
        var upload = name ?? FileName(request) ?? "upload";
        if (upload.Length is 0 or > MaxNameLength || upload.Any(char.IsControl))
        {
            errors["name"] = [$"The name must be 1–{MaxNameLength} characters without control characters."];
        }

        if (feed is not null && !ResourceId.IsValid(feed))
        {
            errors["feed"] = ["The feed name must be 1–64 characters of A–Z a–z 0–9 . _ ~ -."];
        }

        var offset = TimeSpan.Zero;
        if (sbsUtcOffset is not null && !UtcOffsetText.TryParse(sbsUtcOffset, out offset))
        {
            errors["sbsUtcOffset"] = [$"'{Truncate(sbsUtcOffset)}' is not an offset from UTC between -14:00 and +14:00, such as +02:00."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (services.GetService<ImportService>() is not { } imports)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "History is off",
                detail: "Imports are written to the recorded history, and this server records none (LiveTrack:History:Store is None).");
        }

        var maxBytes = imports.Options.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes == long.MaxValue ? null : maxBytes + 1;
        }

        var id = Guid.CreateVersion7().ToString("N");
        var spool = imports.SpoolFileFor(id);
        long bytes;
        try
        {
            bytes = await Spool(request.Body, spool, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            bytes = -1;
        }
        catch
        {
            File.Delete(spool);
            throw;
        }

        if (bytes <= 0)
        {
            File.Delete(spool);
            return bytes < 0
                ? TooLarge(maxBytes)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is empty: send the recording's bytes as the request body."] });
        }

        var options = new ImportOptions { Format = parsedFormat!.Value, Feed = feed ?? $"import-{id}", SbsUtcOffset = offset };
        var job = new ImportJob(id, new ImportRequest(upload, formatName, options, withAlerts, keepPartial), spool, bytes, time.GetUtcNow(), Activity.Current?.TraceId.ToHexString());
        var queued = job.ToStatus(); // before a worker can take it: the answer says Queued
        if (!imports.TryEnqueue(job))
        {
            File.Delete(spool);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Import queue full",
                detail: $"{imports.Options.MaxQueued} imports are already waiting; retry when one has finished (GET /api/imports).");
        }

        return TypedResults.Accepted($"/api/imports/{id}", queued);
    }

    private static async Task<Results<Ok<ImportStatus>, ValidationProblem, ProblemHttpResult>> Get(
        string id, string? wait, IServiceProvider services, TimeProvider time, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        if (!ResourceId.IsValid(id))
        {
            return ResourceId.Invalid(id);
        }

        var hold = TimeSpan.Zero;
        if (wait is not null)
        {
            if (!TryParseWait(wait, out hold))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["wait"] = [$"'{Truncate(wait)}' is not a wait: a whole number of seconds from 0 to {MaxWaitSeconds}, such as 30 or 30s."],
                });
            }
        }

        if (services.GetService<ImportService>()?.Find(id) is not { } job)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown import",
                detail: $"No import with id '{Truncate(id)}' on this server (id).",
                extensions: new Dictionary<string, object?> { ["field"] = "id" });
        }

        if (hold > TimeSpan.Zero && !job.WhenFinished.IsCompleted)
        {
            // A server that stops answers the waits at once (with the status as it is) instead of holding its shutdown.
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            try
            {
                await job.WhenFinished.WaitAsync(hold, time, waiting.Token);
            }
            catch (TimeoutException)
            {
                // The wait is over: the answer is the status as it is now.
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
            }
        }

        return TypedResults.Ok(job.ToStatus());
    }

    /// <summary>Whole seconds, optionally with an <c>s</c>: <c>30</c>, <c>30s</c>; 0 to <see cref="MaxWaitSeconds"/>.</summary>
    internal static bool TryParseWait(string value, out TimeSpan wait)
    {
        var digits = value.EndsWith('s') ? value[..^1] : value;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxWaitSeconds)
        {
            wait = TimeSpan.FromSeconds(seconds);
            return true;
        }

        wait = TimeSpan.Zero;
        return false;
    }

    private static Ok<ImportList> List(IServiceProvider services)
    {
        var jobs = services.GetService<ImportService>()?.List() ?? [];
        return TypedResults.Ok(new ImportList(jobs.Count, [.. jobs.Select(j => j.ToStatus())]));
    }

    /// <summary>Copies the body to <paramref name="path"/>; the bytes written, or -1 beyond <paramref name="maxBytes"/>.</summary>
    private static async Task<long> Spool(Stream body, string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        var buffer = new byte[128 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return -1;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large",
        detail: $"At most {maxBytes} bytes per import (LiveTrack:Imports:MaxBodyBytes).",
        extensions: new Dictionary<string, object?> { ["field"] = "body" });

    private static string? FileName(HttpRequest request) =>
        request.Headers.ContentDisposition.Count > 0
        && System.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
        && (disposition.FileNameStar ?? disposition.FileName)?.Trim('"') is { Length: > 0 } file
            ? Path.GetFileName(file)
            : null;

    private static bool Flag(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return false;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[field] = [$"{field} must be true or false."];
        return false;
    }

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
