using System.Globalization;
using System.Text.Json;
using LiveTrack.Alerting;
using LiveTrack.Grains;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Alert history as JSON lines appended to <c>alerts.jsonl</c>, read back at start so history survives a restart,
/// and held in memory (the newest <see cref="AlertOptions.MaxHistory"/>) for queries. Each alert's position in the
/// file order is its cursor, so pages stay stable while new alerts arrive. The file is rewritten without the dropped
/// alerts once it holds twice the kept number (write, fsync, rename).
/// </summary>
/// <remarks>
/// An alert counts as recorded only once its line is on disk (flushed and fsynced); a failed write leaves it
/// unrecorded, so the journal's retry writes it again. Every append starts on a fresh line: a line torn by a crash or
/// power cut is the only one lost (skipped when read back, with a logged warning), never the alert after it.
/// </remarks>
public sealed partial class FileAlertStore : IAlertStore, IDisposable
{
    private const int MaxPage = 1000;
    private readonly Lock gate = new();
    private readonly string path;
    private readonly int maxHistory;
    private readonly List<Alert> alerts = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private long firstPosition;
    private long lines;
    private readonly ILogger<FileAlertStore> logger;
    private FileStream? file;

    public FileAlertStore(IOptions<AlertOptions> options, ILogger<FileAlertStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        path = Path.Combine(options.Value.HistoryPath, "alerts.jsonl");
        maxHistory = options.Value.MaxHistory;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                lines++;
                if (line.Length == 0)
                {
                    continue;
                }

                if (TryRead(line) is not { } alert)
                {
                    LogUnreadableLine(logger, path, lines);
                }
                else if (ids.Add(alert.Id))
                {
                    alerts.Add(alert);
                }
            }

            Trim();
        }
    }

    public Task<bool> Append(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (gate)
        {
            if (ids.Contains(alert.Id))
            {
                return Task.FromResult(false);
            }

            // On disk before it counts as recorded: a failed write leaves the id free for the caller's retry.
            var line = JsonSerializer.SerializeToUtf8Bytes(alert, AlertJson.Options);
            try
            {
                var history = History();
                history.Write(line);
                history.WriteByte((byte)'\n');
                history.Flush(flushToDisk: true);
            }
            catch
            {
                // Reopened (and put on a fresh line) by the next append.
                file?.Dispose();
                file = null;
                throw;
            }

            lines++;
            ids.Add(alert.Id);
            alerts.Add(alert);
            Trim();
            if (lines > 2L * maxHistory)
            {
                try
                {
                    Compact();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The alert is recorded (its line is on disk): only the rewrite failed; the next append retries it.
                    LogCompactionFailed(logger, path, ex);
                }
            }

            return Task.FromResult(true);
        }
    }

    public Task<AlertPage> Query(AlertQuery query) => Task.FromResult(Page(query));

    public Task<Alert?> Find(string alertId)
    {
        lock (gate)
        {
            return Task.FromResult(ids.Contains(alertId) ? alerts.FindLast(a => a.Id == alertId) : null);
        }
    }

    private AlertPage Page(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxPage);
        lock (gate)
        {
            var before = query.Cursor is { } cursor && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : long.MaxValue;
            var start = (int)Math.Min(alerts.Count, Math.Max(0, before - firstPosition)) - 1;
            var page = new List<Alert>(Math.Min(limit, 64));
            for (var i = start; i >= 0; i--)
            {
                var alert = alerts[i];
                if (!Matches(alert, query))
                {
                    continue;
                }

                if (page.Count == limit)
                {
                    // One more match exists: the page's last alert is the next page's (exclusive) cursor.
                    return new AlertPage([.. page], (firstPosition + i + 1).ToString(CultureInfo.InvariantCulture));
                }

                page.Add(alert);
            }

            return new AlertPage([.. page], null);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            file?.Dispose();
            file = null;
        }
    }

    private static bool Matches(Alert alert, AlertQuery query) =>
        (query.RuleId is null || alert.RuleId == query.RuleId)
        && (query.Icao is null || alert.Icao == query.Icao)
        && (query.From is not { } from || alert.RaisedAt >= from)
        && (query.To is not { } to || alert.RaisedAt < to);

    private static Alert? TryRead(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<Alert>(line, AlertJson.Options);
        }
        catch (JsonException)
        {
            return null; // A line cut short by a crash: skipped, the rest of the history is kept.
        }
    }

    /// <summary>The history file, open for appending, positioned at the start of a fresh line.</summary>
    private FileStream History()
    {
        if (file is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var opened = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            try
            {
                opened.Seek(0, SeekOrigin.End);
                if (opened.Length > 0)
                {
                    // A crash mid-append leaves a torn last line: end it, so the next alert's line stands alone.
                    opened.Seek(-1, SeekOrigin.End);
                    var last = opened.ReadByte();
                    if (last != '\n')
                    {
                        opened.WriteByte((byte)'\n');
                    }
                }
            }
            catch
            {
                opened.Dispose();
                throw;
            }

            file = opened;
        }

        return file;
    }

    private void Trim()
    {
        var excess = alerts.Count - maxHistory;
        if (excess <= 0)
        {
            return;
        }

        foreach (var dropped in alerts.Take(excess))
        {
            ids.Remove(dropped.Id);
        }

        alerts.RemoveRange(0, excess);
        firstPosition += excess;
    }

    private void Compact()
    {
        file?.Dispose();
        file = null;
        Storage.DurableFile.Write(path, stream =>
        {
            foreach (var alert in alerts)
            {
                stream.Write(JsonSerializer.SerializeToUtf8Bytes(alert, AlertJson.Options));
                stream.WriteByte((byte)'\n');
            }
        });
        lines = alerts.Count;
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "{Path}: line {Line} is unreadable (torn by a crash?) and was skipped")]
    private static partial void LogUnreadableLine(ILogger logger, string path, long line);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Compacting the alert history {Path} failed; the history stays as appended and compaction is retried")]
    private static partial void LogCompactionFailed(ILogger logger, string path, Exception exception);
}
