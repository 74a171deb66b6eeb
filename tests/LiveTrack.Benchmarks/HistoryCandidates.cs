using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Parquet.Serialization;

namespace LiveTrack.Benchmarks;

/// <summary>
/// The <c>--history-candidates</c> mode: the engines considered for the embedded history store, measured on the same
/// rows — append throughput in batches like the history writer's, and the 24-hour track of one aircraft read back
/// from a store holding every aircraft's positions. Not BenchmarkDotNet: each figure is one long operation (millions
/// of rows), timed with a stopwatch, the query the median of several runs. Usage:
/// <c>--history-candidates [rows]</c> (default 2,000,000 rows; one row in 50 belongs to the aircraft queried, so it
/// has 40,000 positions over 24 h at the default).
/// </summary>
internal static class HistoryCandidates
{
    public const string Switch = "--history-candidates";

    private const int BatchSize = 5_000;
    private const int Aircraft = 10_000;
    private const int TargetIcao = 0xae01c5;
    private const int QueryRuns = 7;

    public static int Run(string[] args, TextWriter output)
    {
        var index = Array.IndexOf(args, Switch);
        var rows = index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 2_000_000;
        var start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var data = Rows(rows, start);
        var from = start;
        var to = start.AddDays(1);
        output.WriteLine($"{rows:N0} rows, batches of {BatchSize:N0}, {Aircraft:N0} aircraft + the queried one ({data.Count(r => r.Icao == TargetIcao):N0} positions)");
        output.WriteLine("| candidate | append rows/s | 24 h track query (median of 7) | rows returned | file size |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var candidate in new Candidate[] { new DuckDbSingleTable(), new DuckDbBuckets(), new SqliteClustered(), new ParquetFiles() })
        {
            var dir = Directory.CreateTempSubdirectory("livetrack-history-candidate-").FullName;
            try
            {
                candidate.Open(dir);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < data.Length; i += BatchSize)
                {
                    candidate.Append(new ArraySegment<Row>(data, i, Math.Min(BatchSize, data.Length - i)));
                }

                candidate.Finish();
                var rate = data.Length / clock.Elapsed.TotalSeconds;
                var times = new List<double>();
                var count = 0;
                for (var run = 0; run < QueryRuns; run++)
                {
                    clock.Restart();
                    count = candidate.Track(TargetIcao, from.ToUnixTimeMilliseconds() * 1000, to.ToUnixTimeMilliseconds() * 1000);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                candidate.Dispose();
                var size = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                times.Sort();
                output.WriteLine($"| {candidate.Name} | {rate:N0} | {times[times.Count / 2]:N1} ms | {count:N0} | {size / 1e6:N0} MB |");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        return 0;
    }

    private static Row[] Rows(int count, DateTimeOffset start)
    {
        var random = new Random(12);
        var rows = new Row[count];
        var micros = start.ToUnixTimeMilliseconds() * 1000;
        var step = 86_400_000_000L / count;
        for (var i = 0; i < count; i++)
        {
            var icao = i % 50 == 0 ? TargetIcao : 0x400000 + (i % Aircraft);
            rows[i] = new Row
            {
                Icao = icao,
                At = micros + (i * step),
                Latitude = 20 + (random.NextDouble() * 10),
                Longitude = -115 + (random.NextDouble() * 10),
                Altitude = 30_000 + random.Next(1000),
                Speed = 400 + random.NextDouble(),
                Track = random.NextDouble() * 360,
                Source = 1,
                Feed = "sbs",
                Nic = 8,
                NacP = 9,
            };
        }

        return rows;
    }

    /// <summary>One position as every candidate stores it (the columns the real store keeps).</summary>
    public sealed class Row
    {
        public int Icao { get; set; }
        public long At { get; set; }
        public double Latitude { get; set; }
        public double Longitude { get; set; }
        public int? Altitude { get; set; }
        public double? Speed { get; set; }
        public double? Track { get; set; }
        public int Source { get; set; }
        public string Feed { get; set; } = "";
        public int? Nic { get; set; }
        public int? NacP { get; set; }
    }

    private abstract class Candidate : IDisposable
    {
        public abstract string Name { get; }

        public abstract void Open(string directory);

        public abstract void Append(ArraySegment<Row> batch);

        public virtual void Finish()
        {
        }

        public abstract int Track(int icao, long from, long to);

        public abstract void Dispose();
    }

    private class DuckDbSingleTable : Candidate
    {
        protected DuckDBConnection Connection { get; private set; } = null!;

        public override string Name => "DuckDB appender, one table";

        protected virtual int Buckets => 1;

        public override void Open(string directory)
        {
            Connection = new DuckDBConnection($"Data Source={Path.Combine(directory, "history.duckdb")}");
            Connection.Open();
            for (var b = 0; b < Buckets; b++)
            {
                using var create = Connection.CreateCommand();
                create.CommandText = $"CREATE TABLE positions_{b} (icao INTEGER, ts BIGINT, lat DOUBLE, lon DOUBLE, alt INTEGER, gs DOUBLE, trk DOUBLE, source TINYINT, feed VARCHAR, nic TINYINT, nacp TINYINT)";
                create.ExecuteNonQuery();
            }
        }

        public override void Append(ArraySegment<Row> batch)
        {
            foreach (var group in batch.GroupBy(r => r.Icao % Buckets))
            {
                using var appender = Connection.CreateAppender($"positions_{group.Key}");
                foreach (var r in group)
                {
                    appender.CreateRow()
                        .AppendValue(r.Icao).AppendValue(r.At).AppendValue(r.Latitude).AppendValue(r.Longitude)
                        .AppendValue(r.Altitude).AppendValue(r.Speed).AppendValue(r.Track).AppendValue((sbyte)r.Source)
                        .AppendValue(r.Feed).AppendValue((sbyte?)r.Nic).AppendValue((sbyte?)r.NacP).EndRow();
                }
            }
        }

        public override void Finish()
        {
            using var checkpoint = Connection.CreateCommand();
            checkpoint.CommandText = "CHECKPOINT";
            checkpoint.ExecuteNonQuery();
        }

        public override int Track(int icao, long from, long to)
        {
            using var query = Connection.CreateCommand();
            query.CommandText = $"SELECT ts, lat, lon, alt, gs, trk, source, feed, nic, nacp FROM positions_{icao % Buckets} WHERE icao = $icao AND ts >= $from AND ts < $to ORDER BY ts";
            query.Parameters.Add(new DuckDBParameter("icao", icao));
            query.Parameters.Add(new DuckDBParameter("from", from));
            query.Parameters.Add(new DuckDBParameter("to", to));
            using var reader = query.ExecuteReader();
            var count = 0;
            double sum = 0;
            while (reader.Read())
            {
                sum += reader.GetDouble(1);
                count++;
            }

            return sum > 0 ? count : -1;
        }

        public override void Dispose() => Connection.Dispose();
    }

    private sealed class DuckDbBuckets : DuckDbSingleTable
    {
        public override string Name => "DuckDB appender, 16 address buckets";

        protected override int Buckets => 16;
    }

    private sealed class SqliteClustered : Candidate
    {
        private static readonly string[] Columns = ["$icao", "$at", "$lat", "$lon", "$alt", "$gs", "$trk", "$source", "$feed", "$nic", "$nacp"];
        private SqliteConnection connection = null!;

        public override string Name => "SQLite, (icao, at) clustered (WITHOUT ROWID), WAL";

        public override void Open(string directory)
        {
            connection = new SqliteConnection($"Data Source={Path.Combine(directory, "history.db")}");
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE positions (icao INTEGER NOT NULL, ts INTEGER NOT NULL, lat REAL, lon REAL, alt INTEGER, gs REAL, trk REAL, source INTEGER, feed TEXT, nic INTEGER, nacp INTEGER, PRIMARY KEY (icao, ts)) WITHOUT ROWID";
            create.ExecuteNonQuery();
        }

        public override void Append(ArraySegment<Row> batch)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT OR IGNORE INTO positions VALUES ($icao, $at, $lat, $lon, $alt, $gs, $trk, $source, $feed, $nic, $nacp)";
            var p = Columns.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();
            foreach (var r in batch)
            {
                p[0].Value = r.Icao;
                p[1].Value = r.At;
                p[2].Value = r.Latitude;
                p[3].Value = r.Longitude;
                p[4].Value = (object?)r.Altitude ?? DBNull.Value;
                p[5].Value = (object?)r.Speed ?? DBNull.Value;
                p[6].Value = (object?)r.Track ?? DBNull.Value;
                p[7].Value = r.Source;
                p[8].Value = r.Feed;
                p[9].Value = (object?)r.Nic ?? DBNull.Value;
                p[10].Value = (object?)r.NacP ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        public override int Track(int icao, long from, long to)
        {
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT ts, lat, lon, alt, gs, trk, source, feed, nic, nacp FROM positions WHERE icao = $icao AND ts >= $from AND ts < $to ORDER BY ts";
            query.Parameters.AddWithValue("$icao", icao);
            query.Parameters.AddWithValue("$from", from);
            query.Parameters.AddWithValue("$to", to);
            using var reader = query.ExecuteReader();
            var count = 0;
            double sum = 0;
            while (reader.Read())
            {
                sum += reader.GetDouble(1);
                count++;
            }

            return sum > 0 ? count : -1;
        }

        public override void Dispose() => connection.Dispose();
    }

    /// <summary>One Parquet file per 100,000 rows, sorted by (icao, at) within the file; a query reads every file of the window.</summary>
    private sealed class ParquetFiles : Candidate
    {
        private readonly List<Row> pending = [];
        private string directory = "";
        private int files;

        public override string Name => "Parquet.Net, a file per 100k rows";

        public override void Open(string directory) => this.directory = directory;

        public override void Append(ArraySegment<Row> batch)
        {
            pending.AddRange(batch);
            if (pending.Count >= 100_000)
            {
                Flush();
            }
        }

        public override void Finish() => Flush();

        private void Flush()
        {
            if (pending.Count == 0)
            {
                return;
            }

            var sorted = pending.OrderBy(r => r.Icao).ThenBy(r => r.At).ToList();
            using var file = File.Create(Path.Combine(directory, $"part-{files++:00000}.parquet"));
            ParquetSerializer.SerializeAsync(sorted, file).GetAwaiter().GetResult();
            pending.Clear();
        }

        public override int Track(int icao, long from, long to)
        {
            var count = 0;
            foreach (var path in Directory.EnumerateFiles(directory, "*.parquet"))
            {
                using var file = File.OpenRead(path);
                var rows = ParquetSerializer.DeserializeAsync<Row>(file).GetAwaiter().GetResult();
                foreach (var r in rows.Data)
                {
                    count += r.Icao == icao && r.At >= from && r.At < to ? 1 : 0;
                }
            }

            return count;
        }

        public override void Dispose()
        {
        }
    }
}
