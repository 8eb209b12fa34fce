using System.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Planering.Silo;
using Planering.Silo.Storage;

namespace Planering.Cluster.Tests;

/// <summary>The project's PostgreSQL scripts: safe to run again and side by side, and true to Orleans' query contract.</summary>
[Collection(SharedPostgres.Name)]
public sealed class SchemaTests(PostgresFixture postgres)
{
    private static readonly string[] QueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey", "WriteToStorageKey",
    ];

    [Fact]
    public async Task The_schema_applies_concurrently_and_again_without_error()
    {
        var database = await postgres.EmptyDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgreSqlSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None)));
        await PostgreSqlSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(QueryKeys, await QueryKeysAsync(connection));
    }

    [Fact]
    public async Task The_apply_schema_only_command_prepares_the_configured_database()
    {
        var database = await postgres.EmptyDatabaseAsync();

        await PlaneringHost.ApplySchemaAsync([PlaneringHost.ApplySchemaOnlyFlag, "--Planering:Storage:Provider=PostgreSql", $"--Planering:Storage:PostgreSqlConnectionString={database}"]);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        Assert.Equal(QueryKeys, await QueryKeysAsync(connection));
    }

    [Fact]
    public async Task The_stored_write_query_refuses_a_stale_version_and_a_second_first_write()
    {
        var database = await postgres.EmptyDatabaseAsync();
        await PostgreSqlSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var write = await QueryTextAsync(connection, "WriteToStorageKey");
        var read = await QueryTextAsync(connection, "ReadFromStorageKey");

        Assert.Equal(1, await WriteAsync(connection, write, version: null, [1]));
        Assert.Null(await WriteAsync(connection, write, version: null, [2]));
        Assert.Equal(2, await WriteAsync(connection, write, version: 1, [3]));
        Assert.Null(await WriteAsync(connection, write, version: 1, [4]));

        await using var command = GrainCommand(connection, read, version: null, payload: null);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new byte[] { 3 }, (byte[])reader["PayloadBinary"]);
        Assert.Equal(2, reader.GetInt32(reader.GetOrdinal("Version")));
    }

    [Fact]
    public async Task The_stored_membership_insert_needs_the_current_table_version()
    {
        var database = await postgres.EmptyDatabaseAsync();
        await PostgreSqlSchema.ApplyAsync(database, NullLogger.Instance, CancellationToken.None);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();

        Assert.True(await ScalarAsync(connection, await QueryTextAsync(connection, "InsertMembershipVersionKey"), c => Add(c, "DeploymentId", "c1", DbType.String)));
        Assert.False(await ScalarAsync(connection, await QueryTextAsync(connection, "InsertMembershipVersionKey"), c => Add(c, "DeploymentId", "c1", DbType.String)));

        var insert = await QueryTextAsync(connection, "InsertMembershipKey");
        Assert.True(await ScalarAsync(connection, insert, c => Silo(c, port: 11111, tableVersion: 0)));
        Assert.False(await ScalarAsync(connection, insert, c => Silo(c, port: 11112, tableVersion: 0)));
        Assert.True(await ScalarAsync(connection, insert, c => Silo(c, port: 11112, tableVersion: 1)));
        Assert.False(await ScalarAsync(connection, insert, c => Silo(c, port: 11112, tableVersion: 2)));
    }

    private static void Silo(NpgsqlCommand command, int port, int tableVersion)
    {
        var now = DateTime.UtcNow;
        Add(command, "DeploymentId", "c1", DbType.String);
        Add(command, "Address", "127.0.0.1", DbType.AnsiString);
        Add(command, "Port", port, DbType.Int32);
        Add(command, "Generation", 1, DbType.Int32);
        Add(command, "SiloName", $"silo-{port}", DbType.String);
        Add(command, "HostName", "localhost", DbType.String);
        Add(command, "Status", 2, DbType.Int32);
        Add(command, "ProxyPort", port + 1000, DbType.Int32);
        Add(command, "StartTime", now, DbType.DateTime);
        Add(command, "IAmAliveTime", now, DbType.DateTime);
        Add(command, "Version", tableVersion, DbType.Int32);
    }

    private static async Task<int?> WriteAsync(NpgsqlConnection connection, string write, int? version, byte[] payload)
    {
        await using var command = GrainCommand(connection, write, version, payload);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A command with the parameters Orleans' grain storage binds, typed as it types them.</summary>
    private static NpgsqlCommand GrainCommand(NpgsqlConnection connection, string sql, int? version, byte[]? payload)
    {
        var command = new NpgsqlCommand(sql, connection);
        Add(command, "GrainIdHash", 7, DbType.Int32);
        Add(command, "GrainIdN0", 1L, DbType.Int64);
        Add(command, "GrainIdN1", 2L, DbType.Int64);
        Add(command, "GrainTypeHash", 9, DbType.Int32);
        Add(command, "GrainTypeString", "planering.test", DbType.String);
        Add(command, "GrainIdExtensionString", null, DbType.String);
        Add(command, "ServiceId", "planering", DbType.String);
        Add(command, "GrainStateVersion", version, DbType.Int32);
        Add(command, "PayloadBinary", payload, DbType.Binary);
        return command;
    }

    private static void Add(NpgsqlCommand command, string name, object? value, DbType type) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    private static async Task<bool> ScalarAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command);
        return Convert.ToBoolean(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> QueryTextAsync(NpgsqlConnection connection, string key)
    {
        await using var command = new NpgsqlCommand("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> QueryKeysAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
