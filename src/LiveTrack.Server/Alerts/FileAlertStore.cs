using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveTrack.Alerting;
using LiveTrack.Grains;
using Microsoft.Extensions.Options;

namespace LiveTrack.Server.Alerts;

/// <summary>
/// Alert history as JSON lines appended to <c>alerts.jsonl</c>, read back at start so history survives a restart,
/// and held in memory (the newest <see cref="AlertOptions.MaxHistory"/>) for queries. Each alert's position in the
/// file order is its cursor, so pages stay stable while new alerts arrive. The file is rewritten without the dropped
/// alerts once it holds twice the kept number.
/// </summary>
public sealed class FileAlertStore : IAlertStore, IDisposable
{
    private const int MaxPage = 1000;
    private readonly Lock gate = new();
    private readonly string path;
    private readonly int maxHistory;
    private readonly List<Alert> alerts = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private long firstPosition;
    private long lines;
    private StreamWriter? writer;

    public FileAlertStore(IOptions<AlertOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        path = Path.Combine(options.Value.HistoryPath, "alerts.jsonl");
        maxHistory = options.Value.MaxHistory;
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                lines++;
                if (line.Length > 0 && TryRead(line) is { } alert && ids.Add(alert.Id))
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

            // Written before it counts as recorded: a failed write leaves the id free for the caller's retry.
            var line = JsonSerializer.Serialize(alert, AlertJson.Options);
            try
            {
                Writer().WriteLine(line);
                Writer().Flush();
            }
            catch
            {
                writer?.Dispose();
                writer = null;
                throw;
            }

            lines++;
            ids.Add(alert.Id);
            alerts.Add(alert);
            Trim();
            if (lines > 2L * maxHistory)
            {
                Compact();
            }

            return Task.FromResult(true);
        }
    }

    public AlertPage Query(AlertQuery query)
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

    public Alert? Find(string alertId)
    {
        lock (gate)
        {
            return ids.Contains(alertId) ? alerts.FindLast(a => a.Id == alertId) : null;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer?.Dispose();
            writer = null;
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

    private StreamWriter Writer()
    {
        if (writer is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));
        }

        return writer;
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
        writer?.Dispose();
        writer = null;
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, alerts.Select(a => JsonSerializer.Serialize(a, AlertJson.Options)), new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        lines = alerts.Count;
    }
}
