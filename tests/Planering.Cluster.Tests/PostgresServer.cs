using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Planering.TestSupport;

namespace Planering.Cluster.Tests;

/// <summary>
/// A throwaway PostgreSQL server from the locally installed binaries: initdb into a fresh directory, start on
/// 127.0.0.1 at a free port, and on dispose stop it and delete the directory. PostgreSQL refuses to run as root, so
/// as root (CI) every server command runs as the <c>postgres</c> user through <c>runuser</c>, in a directory that user
/// owns under a parent it can traverse.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Where the binaries are looked for first; the newest /usr/lib/postgresql/*/bin, then PATH, otherwise.</summary>
    public const string BinDirectoryVariable = "PLANERING_POSTGRES_BIN";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _root;

    private PostgresServer(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = ServiceUser, Database = database, MaxPoolSize = 40 }.ToString();

    public static async Task<PostgresServer> StartAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the PostgreSQL test server is started the Unix way (initdb, pg_ctl, runuser)");
        }

        var bin = FindBinaries();

        // /tmp rather than TMPDIR: as root the postgres user must be able to walk down to its data directory.
        var parent = Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(parent, $"planering-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var server = new PostgresServer(bin, root, FreePort.Next());
        try
        {
            Directory.CreateDirectory(server.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", server.DataDirectory]);
            }

            await server.RunServerToolAsync("initdb", ["-D", server.DataDirectory, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--no-sync"]);

            // Durability is pointless for a server deleted after the run; turning it off keeps the 2-core machine quick.
            var options = string.Create(CultureInfo.InvariantCulture,
                $"-p {server.Port} -k {server.DataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
            await server.RunServerToolAsync("pg_ctl", ["-D", server.DataDirectory, "-o", options, "-l", Path.Combine(server.DataDirectory, "server.log"), "-w", "-t", "60", "start"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database, or a copy of <paramref name="template"/> (which must have no open connections).</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = $"planering_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}" + (template is null ? string.Empty : $" TEMPLATE {template}"), connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "60", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
        return installed ?? onPath ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries (initdb, pg_ctl) found in /usr/lib/postgresql/*/bin or on PATH; install PostgreSQL or set {BinDirectoryVariable}");
    }

}
