using Planering.Gateway.Hosting;

namespace Planering.Silo.Configuration;

/// <summary>Where grain state lives (section <c>Planering:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Planering:Storage";

    /// <summary><c>Sqlite</c> or <c>PostgreSql</c> (env <c>Planering__Storage__Provider</c>).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The SQLite database file (env <c>Planering__Storage__SqlitePath</c>); a relative path is relative to the working
    /// directory. By default the user's data directory (<see cref="DataDirectory.Default"/>), whatever the working directory.
    /// </summary>
    public string SqlitePath { get; set; } = DataDirectory.DefaultSqlitePath;

    /// <summary>
    /// The PostgreSQL connection string, for <c>PostgreSql</c> storage and <c>AdoNet</c> clustering alike
    /// (env <c>Planering__Storage__PostgreSqlConnectionString</c>; see <see cref="PostgreSql.ConnectionStringSetting"/>).
    /// </summary>
    public string? PostgreSqlConnectionString { get; set; }

    public IEnumerable<string> Problems()
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return $"{Section}:Provider must be {string.Join(" or ", Enum.GetNames<StorageProvider>())}";
        }

        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            yield return $"{Section}:SqlitePath must name a file";
        }

        if (Provider == StorageProvider.PostgreSql)
        {
            foreach (var problem in PostgreSql.Problems(PostgreSqlConnectionString, $"{Section}:Provider=PostgreSql"))
            {
                yield return problem;
            }
        }
    }
}
