using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace LiveTrack.TestSupport;

/// <summary>
/// A real PostgreSQL 15 server with PostGIS, started by the test run itself: installs Debian's <c>postgresql-15</c> and
/// <c>postgresql-15-postgis-3</c> with apt-get when missing (CI machines start without them), runs <c>initdb</c> into a
/// fresh temporary directory as the <c>postgres</c> OS user (PostgreSQL refuses to run as root), and starts it
/// listening only on a unix socket in that directory — no TCP port, so parallel runs never collide. Each call to
/// <see cref="CreateDatabaseAsync"/> gives a new empty database. <see cref="DisposeAsync"/> stops the server and deletes
/// the directory. Use one per test collection (an xUnit collection or class fixture).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string OsUser = "postgres";
    private static readonly string[] Packages = ["postgresql-15", "postgresql-15-postgis-3"];
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private int databases;

    private PostgresServer(string directory)
    {
        Directory = directory;
    }

    /// <summary>The temporary directory: <c>data/</c> holds the cluster, the socket is in the directory itself.</summary>
    public string Directory { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Connection string of the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = Directory, Username = OsUser, Database = database, Pooling = true }.ConnectionString;

    public static async Task<PostgresServer> StartAsync()
    {
        await EnsureInstalled();
        var directory = System.IO.Directory.CreateTempSubdirectory("livetrack-pg-").FullName;
        var server = new PostgresServer(directory);
        try
        {
            await Run("chown", OsUser, directory);
            await RunAs($"{Bin}/initdb", "-D", server.DataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--no-sync");
            await RunAs(
                $"{Bin}/pg_ctl", "-D", server.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "120",
                "-o", $"-c listen_addresses='' -k {directory} -c fsync=off -c max_connections=50", "start");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref databases)}");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAs($"{Bin}/pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static async Task EnsureInstalled()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists($"{Bin}/initdb") && File.Exists("/usr/share/postgresql/15/extension/postgis.control"))
            {
                return;
            }

            // dpkg may be locked by another installation for a while: retry.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Run("apt-get", "install", "-y", "--no-install-recommends", Packages[0], Packages[1]);
                    return;
                }
                catch (InvalidOperationException) when (attempt < 20)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
                    await timer.WaitForNextTickAsync();
                }
                catch (InvalidOperationException) when (attempt == 20)
                {
                    await Run("apt-get", "update");
                    await Run("apt-get", "install", "-y", "--no-install-recommends", Packages[0], Packages[1]);
                    return;
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static Task RunAs(string executable, params string[] args) => Run("runuser", ["-u", OsUser, "--", executable, .. args]);

    private static async Task Run(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
