using Microsoft.Data.Sqlite;

namespace Planering.Silo.Storage;

/// <summary>Creates the database file and applies Planering's SQLite schema (idempotent; runs at every start).</summary>
public static class SqliteSchema
{
    /// <summary>
    /// Orleans' ADO.NET provider loads <c>Microsoft.Data.Sqlite</c> under this invariant name; the name
    /// <c>Microsoft.Data.Sqlite</c> itself is not registered by Orleans 10 (see shared FACTS.md).
    /// </summary>
    public const string OrleansInvariant = "System.Data.SQLite";

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = true, DefaultTimeout = 30 }.ToString();

    public static void Apply(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Storage", "Sql", "sqlite-schema.sql"));
        using var connection = new SqliteConnection(ConnectionString(full));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = script;
        command.ExecuteNonQuery();
    }
}
