using System.Globalization;
using System.Runtime.CompilerServices;
using LiveTrack.Geo;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace LiveTrack.History.PostgreSql;

/// <summary>
/// The cluster's history store: PostgreSQL with PostGIS, shared by every silo. Three tables partitioned by range of
/// time into one partition per UTC day (created on first write to the day), written with binary <c>COPY</c>, queried
/// through a (address, time) B-tree and a GiST index on the point geometry (SRID 4326). The schema is applied on
/// start, idempotently and under an advisory lock, so several silos may start at once. Retention drops partitions.
/// </summary>
public sealed class PostgreSqlHistoryStore : IHistoryStore
{
    private const long SchemaLock = 0x4c54_4849_5354; // "LTHIST"

    private const string PositionColumns = "icao, ts, lat, lon, alt_baro, alt_geom, gs, trk, source, feed, nic, nac_p, rc, imported";

    private const string EventColumns =
        "icao, seq, ts, kind, reason, fence_id, fence_name, before_lat, before_lon, before_alt, before_ts, after_lat, after_lon, after_alt, after_ts, " +
        "crossing_lat, crossing_lon, crossing_alt, crossing_ts, boundary, callsign, trace_id, imported";

    private static readonly string[] Parents = ["history_positions", "history_changes", "history_events"];

    private readonly NpgsqlDataSource dataSource;
    private readonly Lock catalogGate = new();
    private readonly HashSet<DateOnly> days = [];

    public PostgreSqlHistoryStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        dataSource = builder.Build();
    }

    public string Engine => nameof(HistoryStoreKind.PostgreSql);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellationToken).ConfigureAwait(false);
            await Execute(connection, transaction, """
                CREATE EXTENSION IF NOT EXISTS postgis;
                CREATE TABLE IF NOT EXISTS history_positions (
                    icao integer NOT NULL, ts timestamptz NOT NULL, lat double precision NOT NULL, lon double precision NOT NULL,
                    geom geometry(Point, 4326) NOT NULL, alt_baro integer, alt_geom integer, gs double precision, trk double precision,
                    source smallint NOT NULL, feed text NOT NULL, nic smallint, nac_p smallint, rc double precision, imported boolean NOT NULL
                ) PARTITION BY RANGE (ts);
                -- Covering: one aircraft's track is an index-only scan (its rows lie on as many heap pages as it has
                -- positions, one in thousands), once (auto)vacuum has marked a day's pages all-visible.
                CREATE INDEX IF NOT EXISTS history_positions_track ON history_positions (icao, ts)
                    INCLUDE (lat, lon, alt_baro, alt_geom, gs, trk, source, feed, nic, nac_p, rc, imported);
                DROP INDEX IF EXISTS history_positions_icao_ts;
                CREATE INDEX IF NOT EXISTS history_positions_geom ON history_positions USING gist (geom);
                CREATE TABLE IF NOT EXISTS history_changes (
                    icao integer NOT NULL, ts timestamptz NOT NULL, field smallint NOT NULL, value text NOT NULL, feed text NOT NULL, imported boolean NOT NULL
                ) PARTITION BY RANGE (ts);
                CREATE INDEX IF NOT EXISTS history_changes_icao_ts ON history_changes (icao, ts);
                CREATE TABLE IF NOT EXISTS history_events (
                    icao integer NOT NULL, seq bigint NOT NULL, ts timestamptz NOT NULL, kind smallint NOT NULL, reason smallint NOT NULL,
                    fence_id text NOT NULL, fence_name text, before_lat double precision, before_lon double precision, before_alt integer, before_ts timestamptz,
                    after_lat double precision, after_lon double precision, after_alt integer, after_ts timestamptz,
                    crossing_lat double precision, crossing_lon double precision, crossing_alt integer, crossing_ts timestamptz,
                    boundary text, callsign text, trace_id text, imported boolean NOT NULL
                ) PARTITION BY RANGE (ts);
                CREATE INDEX IF NOT EXISTS history_events_ts ON history_events (ts, icao, seq);
                CREATE INDEX IF NOT EXISTS history_events_icao ON history_events (icao, ts);
                CREATE INDEX IF NOT EXISTS history_events_fence ON history_events (fence_id, ts);
                """, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The types PostGIS added (geometry) must be known to this data source's connections.
        await connection.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
        var existing = await ListDays(connection, cancellationToken).ConfigureAwait(false);
        lock (catalogGate)
        {
            days.UnionWith(existing);
        }
    }

    public async Task WriteAsync(HistoryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var needed = batch.Positions.Select(p => HistoryTime.DayOf(p.At))
            .Concat(batch.Changes.Select(c => HistoryTime.DayOf(c.At)))
            .Concat(batch.Events.Select(e => HistoryTime.DayOf(e.Event.At)))
            .Distinct()
            .ToList();
        await EnsureDays(connection, needed, cancellationToken).ConfigureAwait(false);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Positions.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY history_positions (icao, ts, lat, lon, geom, alt_baro, alt_geom, gs, trk, source, feed, nic, nac_p, rc, imported) FROM STDIN (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false);
            foreach (var p in batch.Positions)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(HistoryKeys.ToKey(p.Icao), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(HistoryTime.Truncate(p.At), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(p.Latitude, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(p.Longitude, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync<Geometry>(new Point(p.Longitude, p.Latitude) { SRID = 4326 }, cancellationToken).ConfigureAwait(false);
                await WriteNullable(copy, p.BarometricAltitudeFeet, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteNullable(copy, p.GeometricAltitudeFeet, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await WriteNullable(copy, p.GroundSpeedKnots, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await WriteNullable(copy, p.TrackDegrees, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)p.Source, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(p.Feed, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteNullable<short>(copy, p.Nic is { } nic ? (short)nic : null, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await WriteNullable<short>(copy, p.NacP is { } nacp ? (short)nacp : null, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await WriteNullable(copy, p.ContainmentRadiusMeters, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(p.Imported, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (batch.Changes.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY history_changes (icao, ts, field, value, feed, imported) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var c in batch.Changes)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(HistoryKeys.ToKey(c.Icao), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(HistoryTime.Truncate(c.At), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)c.Field, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(c.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(c.Feed, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(c.Imported, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (batch.Events.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync($"COPY history_events ({EventColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var record in batch.Events)
            {
                var e = record.Event;
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(HistoryKeys.ToKey(e.Icao), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(HistoryTime.Truncate(e.At), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync((short)e.Reason, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(e.FenceId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await WriteText(copy, e.FenceName, cancellationToken).ConfigureAwait(false);
                foreach (var position in new[] { e.Before, e.After, e.Crossing })
                {
                    await WriteNullable(copy, position?.Latitude, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                    await WriteNullable(copy, position?.Longitude, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                    await WriteNullable(copy, position?.AltitudeFeet, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await WriteNullable<DateTimeOffset>(copy, position is { } p ? HistoryTime.Truncate(p.At) : null, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                }

                await WriteText(copy, e.Boundary, cancellationToken).ConfigureAwait(false);
                await WriteText(copy, e.Callsign, cancellationToken).ConfigureAwait(false);
                await WriteText(copy, e.TraceId, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(record.Imported, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PositionRecord>> GetTrackAsync(string icao, HistoryWindow window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(
            $"SELECT {PositionColumns} FROM history_positions WHERE icao = $1 AND ts >= $2 AND ts < $3 ORDER BY ts LIMIT $4");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = HistoryKeys.ToKey(icao) });
        AddWindow(command, window);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = limit });
        var result = new List<PositionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(ReadPosition(reader, icao));
        }

        return result;
    }

    public async Task<IReadOnlyList<ChangeRecord>> GetChangesAsync(string icao, HistoryWindow window, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ts, field, value, feed, imported FROM history_changes WHERE icao = $1 AND ts >= $2 AND ts < $3 ORDER BY ts");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = HistoryKeys.ToKey(icao) });
        AddWindow(command, window);
        var result = new List<ChangeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ChangeRecord
            {
                Icao = icao,
                At = reader.GetFieldValue<DateTimeOffset>(0),
                Field = (ChangeField)reader.GetInt16(1),
                Value = reader.GetString(2),
                Feed = reader.GetString(3),
                Imported = reader.GetBoolean(4),
            });
        }

        return result;
    }

    public async IAsyncEnumerable<PositionRecord> ReadAreaAsync(BoundingBox box, HistoryWindow window, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A box across the antimeridian is two envelopes, one each side of it.
        var envelope = box.CrossesAntimeridian
            ? "(geom && ST_MakeEnvelope($4, $5, 180, $6, 4326) OR geom && ST_MakeEnvelope(-180, $5, $7, $6, 4326))"
            : "geom && ST_MakeEnvelope($4, $5, $7, $6, 4326)";
        await using var command = dataSource.CreateCommand(
            $"SELECT {PositionColumns} FROM history_positions WHERE $1 AND ts >= $2 AND ts < $3 AND {envelope}");
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = true });
        AddWindow(command, window);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MinLongitude });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MinLatitude });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MaxLatitude });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = box.MaxLongitude });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadPosition(reader, HistoryKeys.FromKey(reader.GetInt32(0)));
        }
    }

    public async Task<EventPage> GetEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var filters = new List<string>();
        await using var command = dataSource.CreateCommand();
        void Filter<T>(string sql, T value)
        {
            command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
            filters.Add(sql.Replace("@", "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (query.From is { } from)
        {
            Filter("ts >= @", HistoryTime.Truncate(from));
        }

        if (query.To is { } to)
        {
            Filter("ts < @", HistoryTime.Truncate(to));
        }

        if (query.Icao is { } icao)
        {
            Filter("icao = @", HistoryKeys.ToKey(icao));
        }

        if (query.FenceId is { } fence)
        {
            Filter("fence_id = @", fence);
        }

        if (query.Kind is { } kind)
        {
            Filter("kind = @", (short)kind);
        }

        if (query.Imported is { } imported)
        {
            Filter("imported = @", imported);
        }

        if (query.After is { } cursor)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = HistoryTime.Truncate(cursor.At) });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = HistoryKeys.ToKey(cursor.Icao) });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cursor.Sequence });
            var n = command.Parameters.Count;
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"(ts, icao, seq) > (${n - 2}, ${n - 1}, ${n})"));
        }

        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.Limit + 1L });
        var where = filters.Count > 0 ? "WHERE " + string.Join(" AND ", filters) : "";
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT {EventColumns} FROM history_events {where} ORDER BY ts, icao, seq LIMIT ${command.Parameters.Count}");
        var result = new List<EventRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var old = (await ListDays(connection, cancellationToken).ConfigureAwait(false)).Where(d => HistoryTime.StartOf(d.AddDays(1)) <= cutoff).ToList();
        foreach (var day in old)
        {
            var tables = string.Join(", ", Parents.Select(p => $"{p}_{Name(day)}"));
            await Execute(connection, null, $"DROP TABLE IF EXISTS {tables}", cancellationToken).ConfigureAwait(false);
            lock (catalogGate)
            {
                days.Remove(day);
            }
        }

        return old.Count;
    }

    public async Task<HistoryStoreInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var held = await ListDays(connection, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM history_positions), (SELECT count(*) FROM history_changes), (SELECT count(*) FROM history_events)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new HistoryStoreInfo(Engine, held, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task EnsureDays(NpgsqlConnection connection, List<DateOnly> needed, CancellationToken cancellationToken)
    {
        List<DateOnly> missing;
        lock (catalogGate)
        {
            missing = [.. needed.Where(d => !days.Contains(d))];
        }

        if (missing.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellationToken).ConfigureAwait(false);
        foreach (var day in missing)
        {
            var from = HistoryTime.StartOf(day).ToString("yyyy-MM-dd HH:mm:ss+00", CultureInfo.InvariantCulture);
            var to = HistoryTime.StartOf(day.AddDays(1)).ToString("yyyy-MM-dd HH:mm:ss+00", CultureInfo.InvariantCulture);
            foreach (var parent in Parents)
            {
                await Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {parent}_{Name(day)} PARTITION OF {parent} FOR VALUES FROM ('{from}') TO ('{to}')", cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        lock (catalogGate)
        {
            days.UnionWith(missing);
        }
    }

    /// <summary>The days that have an events partition (every day has all three).</summary>
    private static async Task<List<DateOnly>> ListDays(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'history_events'", connection);
        var result = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            if (DateOnly.TryParseExact(name.AsSpan(name.LastIndexOf('_') + 1), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                result.Add(day);
            }
        }

        result.Sort();
        return result;
    }

    private static void AddWindow(NpgsqlCommand command, HistoryWindow window)
    {
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = HistoryTime.Truncate(window.From) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = HistoryTime.Truncate(window.To) });
    }

    private static PositionRecord ReadPosition(NpgsqlDataReader reader, string icao) => new()
    {
        Icao = icao,
        At = reader.GetFieldValue<DateTimeOffset>(1),
        Latitude = reader.GetDouble(2),
        Longitude = reader.GetDouble(3),
        BarometricAltitudeFeet = reader.IsDBNull(4) ? null : reader.GetInt32(4),
        GeometricAltitudeFeet = reader.IsDBNull(5) ? null : reader.GetInt32(5),
        GroundSpeedKnots = reader.IsDBNull(6) ? null : reader.GetDouble(6),
        TrackDegrees = reader.IsDBNull(7) ? null : reader.GetDouble(7),
        Source = (PositionSource)reader.GetInt16(8),
        Feed = reader.GetString(9),
        Nic = reader.IsDBNull(10) ? null : reader.GetInt16(10),
        NacP = reader.IsDBNull(11) ? null : reader.GetInt16(11),
        ContainmentRadiusMeters = reader.IsDBNull(12) ? null : reader.GetDouble(12),
        Imported = reader.GetBoolean(13),
    };

    private static EventRecord ReadEvent(NpgsqlDataReader reader)
    {
        EventPosition? Position(int at) => reader.IsDBNull(at) ? null : new EventPosition(
            reader.GetDouble(at),
            reader.GetDouble(at + 1),
            reader.IsDBNull(at + 2) ? null : reader.GetInt32(at + 2),
            reader.GetFieldValue<DateTimeOffset>(at + 3));

        return new EventRecord
        {
            Event = new GeofenceEvent
            {
                Icao = HistoryKeys.FromKey(reader.GetInt32(0)),
                Sequence = reader.GetInt64(1),
                At = reader.GetFieldValue<DateTimeOffset>(2),
                Kind = (GeofenceEventKind)reader.GetInt16(3),
                Reason = (GeofenceEventReason)reader.GetInt16(4),
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

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, type, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteText(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Name(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
