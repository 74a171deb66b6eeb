using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LiveTrack.Import.Cli;

/// <summary>
/// <c>--server</c>: streams one file to <c>POST /api/imports</c> with a progress bar of the bytes sent, then follows
/// <c>GET /api/imports/{id}</c> until the import has finished and prints the server's summary.
/// </summary>
internal static class ServerImport
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the upload; returns the exit code.</summary>
    public static async Task<int> RunAsync(CliOptions options, CancellationToken cancellationToken)
    {
        var upload = options.Upload!;
        if (!File.Exists(options.Path))
        {
            Console.Error.WriteLine(Directory.Exists(options.Path)
                ? $"livetrack-import: {options.Path} is a folder; --server sends one file or archive (e.g. tar -czf snapshots.tar.gz {options.Path})"
                : $"livetrack-import: {options.Path}: no such file");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = upload.Server, Timeout = Timeout.InfiniteTimeSpan };
        if (upload.ApiKey is { } key)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var clock = Stopwatch.StartNew();
        var bar = new ByteBar(options.Quiet, clock);
        string location;
        try
        {
            await using var file = new FileStream(options.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var total = file.Length;
            using var content = new StreamContent(new ProgressStream(file, sent => bar.Sent(sent, total)), 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = total;
            using var response = await http.PostAsync(Query(options), content, cancellationToken);
            bar.Done(total);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted || response.Headers.Location is not { } where)
            {
                Console.Error.WriteLine($"livetrack-import: the server refused the upload: {(int)response.StatusCode} {response.ReasonPhrase}");
                Console.Error.WriteLine(Problem(body));
                return 4;
            }

            location = where.ToString();
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"livetrack-import: cannot reach {upload.Server}: {ex.Message}");
            return 4;
        }

        Console.Error.WriteLine($"Uploaded in {clock.Elapsed.TotalSeconds:0.0} s; importing as {location}");
        try
        {
            return await Follow(http, location, bar, clock, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"livetrack-import: lost the server while following {location}: {ex.Message}");
            return 4;
        }
    }

    /// <remarks>
    /// Each request asks the server to hold its answer until the import has finished or a second has passed
    /// (<c>?wait=1</c>): the summary prints the moment the import ends, and the bar moves every second meanwhile. A
    /// server that answers sooner without having finished (one that predates <c>wait</c>) is asked again only after
    /// <see cref="PollInterval"/>.
    /// </remarks>
    private static async Task<int> Follow(HttpClient http, string location, ByteBar bar, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            var asked = clock.Elapsed;
            using var status = JsonDocument.Parse(await http.GetStringAsync($"{location}?wait=1", cancellationToken));
            var root = status.RootElement;
            var state = root.GetProperty("state").GetString();
            if (state is "Completed" or "Failed")
            {
                bar.Clear();
                Console.Write(Summary(root, location, clock.Elapsed));
                return state == "Failed" ? 1 : root.GetProperty("filesWithProblems").GetInt32() > 0 ? 3 : 0;
            }

            bar.Status(root);
            if (clock.Elapsed - asked is var took && took < PollInterval)
            {
                await Task.Delay(PollInterval - took, cancellationToken);
            }
        }
    }

    private static string Query(CliOptions options)
    {
        var upload = options.Upload!;
        var query = new StringBuilder("/api/imports?name=").Append(Uri.EscapeDataString(Path.GetFileName(options.Path)));
        query.Append("&format=").Append(upload.Format);
        if (upload.Alerts)
        {
            query.Append("&alerts=true");
        }

        if (upload.Partial)
        {
            query.Append("&partial=true");
        }

        if (upload.Feed is { } feed)
        {
            query.Append("&feed=").Append(Uri.EscapeDataString(feed));
        }

        var offset = options.Import.SbsUtcOffset;
        if (offset != TimeSpan.Zero)
        {
            query.Append("&sbsUtcOffset=").Append(Uri.EscapeDataString((offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)));
        }

        return query.ToString();
    }

    private static string Problem(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var text = new StringBuilder();
            if (root.TryGetProperty("detail", out var detail))
            {
                text.Append(detail.GetString());
            }
            else if (root.TryGetProperty("title", out var title))
            {
                text.Append(title.GetString());
            }

            if (root.TryGetProperty("errors", out var errors))
            {
                foreach (var field in errors.EnumerateObject())
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n  {field.Name}: {string.Join(" ", field.Value.EnumerateArray().Select(e => e.GetString()))}");
                }
            }

            return text.ToString();
        }
        catch (JsonException)
        {
            return body;
        }
    }

    /// <summary>The server's final status as the dry run's summary reads.</summary>
    internal static string Summary(JsonElement s, string location, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var formats = s.TryGetProperty("formats", out var f) ? string.Join(", ", f.EnumerateObject().Select(p => $"{p.Name} {p.Value.GetInt32()}")) : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"Import:     {location} ({s.GetProperty("state").GetString()})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Source:     {s.GetProperty("name").GetString()}, {s.GetProperty("bytes").GetInt64():N0} bytes, feed {s.GetProperty("feed").GetString()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Files:      {s.GetProperty("files").GetInt32():N0}{(formats.Length > 0 ? $" ({formats})" : string.Empty)}, {s.GetProperty("filesWithProblems").GetInt32():N0} with problems");
        text.AppendLine(CultureInfo.InvariantCulture, $"Records:    {s.GetProperty("recordsRead").GetInt64():N0} read: {s.GetProperty("recordsAccepted").GetInt64():N0} accepted, {s.GetProperty("recordsRejected").GetInt64():N0} rejected, {s.GetProperty("recordsSkipped").GetInt64():N0} skipped");
        text.AppendLine(CultureInfo.InvariantCulture, $"Written:    {s.GetProperty("positionsWritten").GetInt64():N0} positions, {s.GetProperty("changesWritten").GetInt64():N0} changes, {s.GetProperty("eventsWritten").GetInt64():N0} geofence events (stale reports {s.GetProperty("reportsStale").GetInt64():N0}, suspect {s.GetProperty("reportsSuspect").GetInt64():N0})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Aircraft:   {s.GetProperty("aircraft").GetInt32():N0}");
        if (s.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String && s.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Time span:  {from.GetDateTimeOffset().UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z to {to.GetDateTimeOffset().UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Took:       {elapsed.TotalSeconds:0.0} s");
        if (s.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Failed:     {error.GetString()}");
        }

        Reasons(text, "Rejected", s, "rejections");
        Reasons(text, "Skipped", s, "skips");
        Reasons(text, "File problems", s, "fileProblems");
        return text.ToString();
    }

    private static void Reasons(StringBuilder text, string title, JsonElement status, string property)
    {
        if (!status.TryGetProperty(property, out var reasons) || reasons.GetArrayLength() == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        foreach (var reason in reasons.EnumerateArray())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {reason.GetProperty("count").GetInt64(),10:N0}  {reason.GetProperty("reason").GetString()}");
            foreach (var sample in reason.GetProperty("samples").EnumerateArray())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"              e.g. {sample.GetString()}");
            }
        }
    }

    /// <summary>The upload's progress bar on standard error: in place on a terminal, a line every 5 s otherwise.</summary>
    private sealed class ByteBar(bool quiet, Stopwatch clock)
    {
        private const int Width = 30;
        private readonly bool terminal = !Console.IsErrorRedirected;
        private TimeSpan last = TimeSpan.FromSeconds(-10);

        public void Sent(long sent, long total)
        {
            var interval = terminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5);
            if (quiet || clock.Elapsed - last < interval)
            {
                return;
            }

            last = clock.Elapsed;
            Draw(Line(sent, total));
        }

        public void Done(long total)
        {
            if (!quiet)
            {
                Draw(Line(total, total));
                if (terminal)
                {
                    Console.Error.WriteLine();
                }
            }
        }

        public void Status(JsonElement status)
        {
            if (quiet)
            {
                return;
            }

            var fraction = status.GetProperty("progress").GetDouble();
            var phase = status.TryGetProperty("phase", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : status.GetProperty("state").GetString();
            Draw(string.Create(CultureInfo.InvariantCulture, $"{Bar(fraction)} {fraction * 100,5:0.0}%  server: {phase}, {status.GetProperty("recordsRead").GetInt64():N0} records, {status.GetProperty("positionsWritten").GetInt64():N0} positions written"));
        }

        public void Clear()
        {
            if (!quiet && terminal)
            {
                Console.Error.Write("\r\u001b[K");
            }
        }

        private string Line(long sent, long total)
        {
            var fraction = total > 0 ? (double)sent / total : 1;
            var rate = clock.Elapsed.TotalSeconds > 0 ? sent / clock.Elapsed.TotalSeconds / (1024 * 1024) : 0;
            return string.Create(CultureInfo.InvariantCulture, $"{Bar(fraction)} {fraction * 100,5:0.0}%  sent {sent / (1024.0 * 1024):N1} of {total / (1024.0 * 1024):N1} MiB ({rate:N1} MiB/s)");
        }

        private static string Bar(double fraction)
        {
            var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * Width);
            return $"[{new string('#', filled)}{new string('.', Width - filled)}]";
        }

        private void Draw(string line)
        {
            if (terminal)
            {
                Console.Error.Write($"\r{line}\u001b[K");
            }
            else
            {
                Console.Error.WriteLine(line);
            }
        }
    }
}
