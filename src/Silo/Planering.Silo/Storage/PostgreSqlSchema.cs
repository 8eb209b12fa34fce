using System.Globalization;
using Npgsql;

namespace Planering.Silo.Storage;

/// <summary>
/// Applies Planering's PostgreSQL scripts (Storage/Sql/postgresql-*.sql): the OrleansQuery table, grain state, and
/// cluster membership. Every script is idempotent, so this runs at every silo start; the whole run is one transaction
/// under an advisory lock, so silos starting together neither trip over each other's CREATE TABLE nor see half a schema.
/// </summary>
public static partial class PostgreSqlSchema
{
    /// <summary>The scripts in the order they must run: the query table before the rows that fill it.</summary>
    public static IReadOnlyList<string> Scripts { get; } = ["postgresql-main.sql", "postgresql-persistence.sql", "postgresql-clustering.sql"];

    /// <summary>How long a start waits for the server to accept connections, and then for another silo's schema run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Any constant does, as long as every Planering silo on the database uses the same one ("Planerin" in ASCII).
    private const long AdvisoryLockKey = 0x506C_616E_6572_696E;

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    public static string ScriptPath(string script) => Path.Combine(AppContext.BaseDirectory, "Storage", "Sql", script);

    public static async Task ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        await using var connection = await OpenAsync(connectionString, logger, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // NOTICEs such as "relation already exists, skipping" are the normal case for an idempotent script.
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SET LOCAL client_min_messages = warning; SET LOCAL lock_timeout = '{(int)Patience.TotalMilliseconds}ms'"), cancellationToken);
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})"), cancellationToken);
        foreach (var script in Scripts)
        {
            await ExecuteAsync(connection, await File.ReadAllTextAsync(ScriptPath(script), cancellationToken), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        LogApplied(logger, connection.Database, connection.Host ?? "?", elapsed.TotalMilliseconds);
    }

    /// <summary>Opens a connection, waiting a bounded time for a server that is still starting (compose, the local script).</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && TimeProvider.System.GetElapsedTime(started) < Patience)
            {
                await connection.DisposeAsync();
                LogWaiting(logger, exception.Message);
                await Task.Delay(RetryPause, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)Patience.TotalSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not accepting connections yet ({Reason}); trying again")]
    private static partial void LogWaiting(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied Planering's PostgreSQL schema to database {Database} on {Host} in {Milliseconds:F0} ms")]
    private static partial void LogApplied(ILogger logger, string database, string host, double milliseconds);
}
