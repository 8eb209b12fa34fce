namespace Planering.Gateway.Hosting;

/// <summary>
/// Where the embedded default keeps its files: the directory of the SQLite database. The silo stores its state there
/// and both hosts (and <c>mint-token</c>) find the local signing key there, so all of them read one setting.
/// </summary>
public static class DataDirectory
{
    /// <summary>The setting naming the SQLite file (env <c>Planering__Storage__SqlitePath</c>).</summary>
    public const string SqlitePathSetting = "Planering:Storage:SqlitePath";

    /// <summary>The SQLite file when nothing is configured, relative to the working directory.</summary>
    public static readonly string DefaultSqlitePath = Path.Combine("data", "planering.db");

    /// <summary>The data directory the configuration names (the SQLite file's directory).</summary>
    public static string Of(IConfiguration configuration)
    {
        var sqlitePath = configuration[SqlitePathSetting];
        var directory = Path.GetDirectoryName(string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath);
        return string.IsNullOrEmpty(directory) ? "." : directory;
    }
}
