using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using LiveTrack.Geo;

namespace LiveTrack.History.DuckDb;

/// <summary>
/// The embedded history store: one DuckDB file, a set of tables per UTC day, written through DuckDB's appender.
/// </summary>
/// <remarks>
/// <para>
/// Positions of day D are appended to <c>stage_D</c>; when it holds <see cref="CompactRows"/> rows it is moved into
/// <c>positions_D</c> sorted by (address, time) and dropped, all in one transaction. So every chunk of
/// <c>positions_D</c> is ordered by address and DuckDB's per-row-group min/max (zone maps) skip all but a row group or
/// two of each chunk for one aircraft's track, while appends stay a plain appender; only the stage (fewer than
/// <see cref="CompactRows"/> rows per day) is scanned whole. Changes go to <c>changes_D</c>, events to <c>events_D</c>.
/// Retention drops a day's tables (<c>DROP TABLE</c>), never single rows. Times are BIGINT microseconds since the Unix
/// epoch (UTC); addresses are <see cref="HistoryKeys"/> integers.
/// </para>
/// <para>
/// DuckDB's memory is limited to 1 GB (it spills larger sorts to disk). One DuckDB database per file and process: writes are serialised on one connection, reads use duplicates of it
/// (DuckDB's MVCC lets them run beside a write).
/// </para>
/// </remarks>
public sealed class DuckDbHistoryStore : IHistoryStore
{
    /// <summary>Rows a day's stage collects before it is sorted into the day's positions.</summary>
    public const int CompactRows = 1_000_000;

    private const string PositionColumns = "icao, ts, lat, lon, alt_baro, alt_geom, gs, trk, source, feed, nic, nac_p, rc, imported";

    private const string EventColumns =
        "icao, seq, ts, kind, reason, fence_id, fence_name, before_lat, before_lon, before_alt, before_ts, after_lat, after_lon, after_alt, after_ts, " +
        "crossing_lat, crossing_lon, crossing_alt, crossing_ts, boundary, callsign, trace_id, imported";

    private readonly string path;
    private readonly int compactRows;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Lock catalogGate = new();
    private readonly HashSet<string> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, long> staged = [];
    private DuckDBConnection? connection;

    /// <param name="path">The database file (created with its directory when missing).</param>
    /// <param name="compactRows">Rows a day's stage collects before it is sorted into the day (tests use small values).</param>
    public DuckDbHistoryStore(string path, int compactRows = CompactRows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(compactRows, 1);
        this.path = Path.GetFullPath(path);
        this.compactRows = compactRows;
    }

    public string Engine => nameof(HistoryStoreKind.DuckDb);

    private DuckDBConnection Connection => connection ?? throw new InvalidOperationException("The history store is not initialised.");

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var opened = new DuckDBConnection($"Data Source={path}");
            await opened.OpenAsync(cancellationToken).ConfigureAwait(false);
            connection = opened;

            // DuckDB would take up to 80 % of the machine's memory for sorts and caches; the server shares it.
            Execute(opened, "SET memory_limit = '1GB';");
            using var list = opened.CreateCommand();
            list.CommandText = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'";
            var names = new List<string>();
            using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    names.Add(reader.GetString(0));
                }
            }

            lock (catalogGate)
            {
                tables.UnionWith(names);
            }

            foreach (var stage in names.Where(n => n.StartsWith("stage_", StringComparison.Ordinal)))
            {
                using var count = opened.CreateCommand();
                count.CommandText = $"SELECT count(*) FROM {stage}";
                staged[ParseDay(stage)] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task WriteAsync(HistoryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var db = Connection;
            var positionDays = batch.Positions.GroupBy(p => HistoryTime.DayOf(p.At)).ToList();
            var changeDays = batch.Changes.GroupBy(c => HistoryTime.DayOf(c.At)).ToList();
            var eventDays = batch.Events.GroupBy(e => HistoryTime.DayOf(e.Event.At)).ToList();
            foreach (var day in positionDays.Select(g => g.Key).Concat(changeDays.Select(g => g.Key)).Concat(eventDays.Select(g => g.Key)).Distinct())
            {
                EnsureDay(db, day);
            }

            using (var transaction = db.BeginTransaction())
            {
                foreach (var day in positionDays)
                {
                    AppendPositions(db, $"stage_{Name(day.Key)}", day);
                }

                foreach (var day in changeDays)
                {
                    AppendChanges(db, $"changes_{Name(day.Key)}", day);
                }

                foreach (var day in eventDays)
                {
                    AppendEvents(db, $"events_{Name(day.Key)}", day);
                }

                transaction.Commit();
            }

            foreach (var day in positionDays)
            {
                staged[day.Key] = staged.GetValueOrDefault(day.Key) + day.Count();
                if (staged[day.Key] >= compactRows)
                {
                    Compact(db, day.Key);
                }
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Moves a day's stage into its positions, sorted by (address, time), and empties the stage.</summary>
    private void Compact(DuckDBConnection db, DateOnly day)
    {
        var name = Name(day);
        using (var transaction = db.BeginTransaction())
        {
            Execute(db, $"INSERT INTO positions_{name} SELECT * FROM stage_{name} ORDER BY icao, ts; DROP TABLE stage_{name}; {PositionTable($"stage_{name}")}");
            transaction.Commit();
        }

        staged[day] = 0;
    }

    private void EnsureDay(DuckDBConnection db, DateOnly day)
    {
        var name = Name(day);
        lock (catalogGate)
        {
            if (tables.Contains($"events_{name}"))
            {
                return;
            }
        }

        Execute(db, $"""
            {PositionTable($"positions_{name}")}
            {PositionTable($"stage_{name}")}
            CREATE TABLE IF NOT EXISTS changes_{name} (icao INTEGER NOT NULL, ts BIGINT NOT NULL, field TINYINT NOT NULL, value VARCHAR NOT NULL, feed VARCHAR NOT NULL, imported BOOLEAN NOT NULL);
            CREATE TABLE IF NOT EXISTS events_{name} (icao INTEGER NOT NULL, seq BIGINT NOT NULL, ts BIGINT NOT NULL, kind TINYINT NOT NULL, reason TINYINT NOT NULL,
                fence_id VARCHAR NOT NULL, fence_name VARCHAR, before_lat DOUBLE, before_lon DOUBLE, before_alt INTEGER, before_ts BIGINT,
                after_lat DOUBLE, after_lon DOUBLE, after_alt INTEGER, after_ts BIGINT, crossing_lat DOUBLE, crossing_lon DOUBLE, crossing_alt INTEGER, crossing_ts BIGINT,
                boundary VARCHAR, callsign VARCHAR, trace_id VARCHAR, imported BOOLEAN NOT NULL);
            """);
        lock (catalogGate)
        {
            tables.UnionWith([$"positions_{name}", $"stage_{name}", $"changes_{name}", $"events_{name}"]);
        }
    }

    private static string PositionTable(string table) =>
        $"CREATE TABLE IF NOT EXISTS {table} (icao INTEGER NOT NULL, ts BIGINT NOT NULL, lat DOUBLE NOT NULL, lon DOUBLE NOT NULL, alt_baro INTEGER, alt_geom INTEGER, " +
        "gs DOUBLE, trk DOUBLE, source TINYINT NOT NULL, feed VARCHAR NOT NULL, nic TINYINT, nac_p TINYINT, rc DOUBLE, imported BOOLEAN NOT NULL);";

    private static void AppendPositions(DuckDBConnection db, string table, IEnumerable<PositionRecord> positions)
    {
        using var appender = db.CreateAppender(table);
        foreach (var p in positions)
        {
            appender.CreateRow()
                .AppendValue(HistoryKeys.ToKey(p.Icao))
                .AppendValue(HistoryTime.ToMicros(p.At))
                .AppendValue(p.Latitude)
                .AppendValue(p.Longitude)
                .AppendValue(p.BarometricAltitudeFeet)
                .AppendValue(p.GeometricAltitudeFeet)
                .AppendValue(p.GroundSpeedKnots)
                .AppendValue(p.TrackDegrees)
                .AppendValue((sbyte)p.Source)
                .AppendValue(p.Feed)
                .AppendValue(ToSByte(p.Nic))
                .AppendValue(ToSByte(p.NacP))
                .AppendValue(p.ContainmentRadiusMeters)
                .AppendValue(p.Imported)
                .EndRow();
        }
    }

    private static void AppendChanges(DuckDBConnection db, string table, IEnumerable<ChangeRecord> changes)
    {
        using var appender = db.CreateAppender(table);
        foreach (var c in changes)
        {
            appender.CreateRow()
                .AppendValue(HistoryKeys.ToKey(c.Icao))
                .AppendValue(HistoryTime.ToMicros(c.At))
                .AppendValue((sbyte)c.Field)
                .AppendValue(c.Value)
                .AppendValue(c.Feed)
                .AppendValue(c.Imported)
                .EndRow();
        }
    }

    private static void AppendEvents(DuckDBConnection db, string table, IEnumerable<EventRecord> events)
    {
        using var appender = db.CreateAppender(table);
        foreach (var record in events)
        {
            var e = record.Event;
            var row = appender.CreateRow()
                .AppendValue(HistoryKeys.ToKey(e.Icao))
                .AppendValue(e.Sequence)
                .AppendValue(HistoryTime.ToMicros(e.At))
                .AppendValue((sbyte)e.Kind)
                .AppendValue((sbyte)e.Reason)
                .AppendValue(e.FenceId)
                .AppendValue(e.FenceName);
            foreach (var position in new[] { e.Before, e.After, e.Crossing })
            {
                row = row.AppendValue(position?.Latitude)
                    .AppendValue(position?.Longitude)
                    .AppendValue(position?.AltitudeFeet)
                    .AppendValue(position is { } p ? HistoryTime.ToMicros(p.At) : null);
            }

            row.AppendValue(e.Boundary)
                .AppendValue(e.Callsign)
                .AppendValue(e.TraceId)
                .AppendValue(record.Imported)
                .EndRow();
        }
    }

    public async Task<IReadOnlyList<PositionRecord>> GetTrackAsync(string icao, HistoryWindow window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var key = HistoryKeys.ToKey(icao);
        var sources = Existing(window, "positions_", "stage_");
        if (sources.Count == 0)
        {
            return [];
        }

        var union = string.Join(" UNION ALL ", sources.Select(t => $"SELECT {PositionColumns} FROM {t} WHERE icao = $icao AND ts >= $from AND ts < $to"));
        using var db = OpenReader();
        using var query = db.CreateCommand();
        query.CommandText = $"SELECT {PositionColumns} FROM ({union}) ORDER BY ts LIMIT $limit";
        query.Parameters.Add(new DuckDBParameter("icao", key));
        query.Parameters.Add(new DuckDBParameter("from", HistoryTime.ToMicros(window.From)));
        query.Parameters.Add(new DuckDBParameter("to", HistoryTime.ToMicros(window.To)));
        query.Parameters.Add(new DuckDBParameter("limit", (long)limit));
        var result = new List<PositionRecord>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadPosition(reader, icao));
        }

        return result;
    }

    public async Task<IReadOnlyList<ChangeRecord>> GetChangesAsync(string icao, HistoryWindow window, CancellationToken cancellationToken = default)
    {
        var key = HistoryKeys.ToKey(icao);
        var sources = Existing(window, "changes_");
        if (sources.Count == 0)
        {
            return [];
        }

        var union = string.Join(" UNION ALL ", sources.Select(t => $"SELECT ts, field, value, feed, imported FROM {t} WHERE icao = $icao AND ts >= $from AND ts < $to"));
        using var db = OpenReader();
        using var query = db.CreateCommand();
        query.CommandText = $"SELECT * FROM ({union}) ORDER BY ts";
        query.Parameters.Add(new DuckDBParameter("icao", key));
        query.Parameters.Add(new DuckDBParameter("from", HistoryTime.ToMicros(window.From)));
        query.Parameters.Add(new DuckDBParameter("to", HistoryTime.ToMicros(window.To)));
        var result = new List<ChangeRecord>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ChangeRecord
            {
                Icao = icao,
                At = HistoryTime.FromMicros(reader.GetInt64(0)),
                Field = (ChangeField)reader.GetFieldValue<sbyte>(1),
                Value = reader.GetString(2),
                Feed = reader.GetString(3),
                Imported = reader.GetBoolean(4),
            });
        }

        return result;
    }

    public async IAsyncEnumerable<PositionRecord> ReadAreaAsync(BoundingBox box, HistoryWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sources = Existing(window, "positions_", "stage_");
        if (sources.Count == 0)
        {
            yield break;
        }

        var longitude = box.CrossesAntimeridian ? "(lon >= $minLon OR lon <= $maxLon)" : "lon BETWEEN $minLon AND $maxLon";
        var union = string.Join(" UNION ALL ", sources.Select(t =>
            $"SELECT {PositionColumns} FROM {t} WHERE ts >= $from AND ts < $to AND lat BETWEEN $minLat AND $maxLat AND {longitude}"));
        using var db = OpenReader();
        using var query = db.CreateCommand();
        query.CommandText = union;
        query.Parameters.Add(new DuckDBParameter("from", HistoryTime.ToMicros(window.From)));
        query.Parameters.Add(new DuckDBParameter("to", HistoryTime.ToMicros(window.To)));
        query.Parameters.Add(new DuckDBParameter("minLat", box.MinLatitude));
        query.Parameters.Add(new DuckDBParameter("maxLat", box.MaxLatitude));
        query.Parameters.Add(new DuckDBParameter("minLon", box.MinLongitude));
        query.Parameters.Add(new DuckDBParameter("maxLon", box.MaxLongitude));
        using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadPosition(reader, HistoryKeys.FromKey(reader.GetInt32(0)));
        }
    }

    public async Task<EventPage> GetEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var window = new HistoryWindow(query.From ?? DateTimeOffset.UnixEpoch, query.To ?? DateTimeOffset.MaxValue.AddDays(-1));
        if (query.After is { } after && after.At > window.From)
        {
            window = window with { From = after.At };
        }

        var sources = Existing(window, "events_");
        if (sources.Count == 0)
        {
            return new EventPage([], null);
        }

        var filters = new List<string> { "ts >= $from", "ts < $to" };
        using var db = OpenReader();
        using var command = db.CreateCommand();
        command.Parameters.Add(new DuckDBParameter("from", HistoryTime.ToMicros(window.From)));
        command.Parameters.Add(new DuckDBParameter("to", HistoryTime.ToMicros(window.To)));
        if (query.Icao is { } icao)
        {
            filters.Add("icao = $icao");
            command.Parameters.Add(new DuckDBParameter("icao", HistoryKeys.ToKey(icao)));
        }

        if (query.FenceId is { } fence)
        {
            filters.Add("fence_id = $fence");
            command.Parameters.Add(new DuckDBParameter("fence", fence));
        }

        if (query.Kind is { } kind)
        {
            filters.Add("kind = $kind");
            command.Parameters.Add(new DuckDBParameter("kind", (sbyte)kind));
        }

        if (query.Imported is { } imported)
        {
            filters.Add("imported = $imported");
            command.Parameters.Add(new DuckDBParameter("imported", imported));
        }

        if (query.After is { } cursor)
        {
            filters.Add("(ts > $cts OR (ts = $cts AND (icao > $cicao OR (icao = $cicao AND seq > $cseq))))");
            command.Parameters.Add(new DuckDBParameter("cts", HistoryTime.ToMicros(cursor.At)));
            command.Parameters.Add(new DuckDBParameter("cicao", HistoryKeys.ToKey(cursor.Icao)));
            command.Parameters.Add(new DuckDBParameter("cseq", cursor.Sequence));
        }

        var where = string.Join(" AND ", filters);
        var union = string.Join(" UNION ALL ", sources.Select(t => $"SELECT {EventColumns} FROM {t} WHERE {where}"));
        command.CommandText = $"SELECT * FROM ({union}) ORDER BY ts, icao, seq LIMIT $limit";
        command.Parameters.Add(new DuckDBParameter("limit", (long)query.Limit + 1));
        var result = new List<EventRecord>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(ReadEvent(reader));
            }
        }

        if (result.Count > query.Limit)
        {
            result.RemoveAt(result.Count - 1);
            return new EventPage(result, EventCursor.Of(result[^1].Event));
        }

        return new EventPage(result, null);
    }

    public async Task<int> DropBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var db = Connection;
            var days = Days().Where(d => HistoryTime.StartOf(d.AddDays(1)) <= cutoff).ToList();
            foreach (var day in days)
            {
                var name = Name(day);
                Execute(db, $"DROP TABLE IF EXISTS positions_{name}; DROP TABLE IF EXISTS stage_{name}; DROP TABLE IF EXISTS changes_{name}; DROP TABLE IF EXISTS events_{name};");
                lock (catalogGate)
                {
                    tables.RemoveWhere(t => t.EndsWith(name, StringComparison.Ordinal));
                }

                staged.Remove(day);
            }

            if (days.Count > 0)
            {
                // Frees the dropped days' blocks for reuse by later writes.
                Execute(db, "CHECKPOINT;");
            }

            return days.Count;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<HistoryStoreInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        var days = Days();
        using var db = OpenReader();
        long Count(string prefix)
        {
            var sources = days.Select(d => prefix + Name(d)).Where(Exists).ToList();
            if (sources.Count == 0)
            {
                return 0;
            }

            using var command = db.CreateCommand();
            command.CommandText = "SELECT " + string.Join(" + ", sources.Select(t => $"(SELECT count(*) FROM {t})"));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        await Task.CompletedTask.ConfigureAwait(false);
        return new HistoryStoreInfo(Engine, days, Count("positions_") + Count("stage_"), Count("changes_"), Count("events_"));
    }

    public async ValueTask DisposeAsync()
    {
        await writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = null;
            }
        }
        finally
        {
            writeGate.Release();
        }

        writeGate.Dispose();
    }

    /// <summary>
    /// Another connection to the same database: DuckDB.NET shares one database instance between the connections a
    /// process opens to a file, so reads run beside the writer's connection.
    /// </summary>
    private DuckDBConnection OpenReader()
    {
        _ = Connection;
        var reader = new DuckDBConnection($"Data Source={path}");
        reader.Open();
        return reader;
    }

    private List<DateOnly> Days()
    {
        lock (catalogGate)
        {
            return [.. tables.Where(t => t.StartsWith("events_", StringComparison.Ordinal)).Select(ParseDay).Order()];
        }
    }

    private bool Exists(string table)
    {
        lock (catalogGate)
        {
            return tables.Contains(table);
        }
    }

    /// <summary>The tables with these prefixes for the days of the window that exist.</summary>
    private List<string> Existing(HistoryWindow window, params string[] prefixes)
    {
        var days = Days().Where(d => HistoryTime.StartOf(d.AddDays(1)) > window.From && HistoryTime.StartOf(d) < window.To);
        return [.. days.SelectMany(d => prefixes.Select(p => p + Name(d))).Where(Exists)];
    }

    private static PositionRecord ReadPosition(DbDataReader reader, string icao) => new()
    {
        Icao = icao,
        At = HistoryTime.FromMicros(reader.GetInt64(1)),
        Latitude = reader.GetDouble(2),
        Longitude = reader.GetDouble(3),
        BarometricAltitudeFeet = reader.IsDBNull(4) ? null : reader.GetInt32(4),
        GeometricAltitudeFeet = reader.IsDBNull(5) ? null : reader.GetInt32(5),
        GroundSpeedKnots = reader.IsDBNull(6) ? null : reader.GetDouble(6),
        TrackDegrees = reader.IsDBNull(7) ? null : reader.GetDouble(7),
        Source = (PositionSource)reader.GetFieldValue<sbyte>(8),
        Feed = reader.GetString(9),
        Nic = reader.IsDBNull(10) ? null : reader.GetFieldValue<sbyte>(10),
        NacP = reader.IsDBNull(11) ? null : reader.GetFieldValue<sbyte>(11),
        ContainmentRadiusMeters = reader.IsDBNull(12) ? null : reader.GetDouble(12),
        Imported = reader.GetBoolean(13),
    };

    private static EventRecord ReadEvent(DbDataReader reader)
    {
        EventPosition? Position(int at) => reader.IsDBNull(at) ? null : new EventPosition(
            reader.GetDouble(at),
            reader.GetDouble(at + 1),
            reader.IsDBNull(at + 2) ? null : reader.GetInt32(at + 2),
            HistoryTime.FromMicros(reader.GetInt64(at + 3)));

        return new EventRecord
        {
            Event = new GeofenceEvent
            {
                Icao = HistoryKeys.FromKey(reader.GetInt32(0)),
                Sequence = reader.GetInt64(1),
                At = HistoryTime.FromMicros(reader.GetInt64(2)),
                Kind = (GeofenceEventKind)reader.GetFieldValue<sbyte>(3),
                Reason = (GeofenceEventReason)reader.GetFieldValue<sbyte>(4),
                FenceId = reader.GetString(5),
                FenceName = reader.IsDBNull(6) ? null : reader.GetString(6),
                Before = Position(7),
                After = Position(11),
                Crossing = Position(15),
                Boundary = reader.IsDBNull(19) ? null : reader.GetString(19),
                Callsign = reader.IsDBNull(20) ? null : reader.GetString(20),
                TraceId = reader.IsDBNull(21) ? null : reader.GetString(21),
            },
            Imported = reader.GetBoolean(22),
        };
    }

    private static sbyte? ToSByte(int? value) => value is { } v ? (sbyte)Math.Clamp(v, sbyte.MinValue, sbyte.MaxValue) : null;

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Name(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string table) =>
        DateOnly.ParseExact(table.AsSpan(table.LastIndexOf('_') + 1), "yyyyMMdd", CultureInfo.InvariantCulture);
}
