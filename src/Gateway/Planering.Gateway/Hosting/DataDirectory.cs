namespace Planering.Gateway.Hosting;

/// <summary>
/// Where the embedded default keeps its files: the directory of the SQLite database. The silo stores its state there
/// and both hosts (and <c>mint-token</c>) find the local signing key there, so all of them read one setting.
/// </summary>
/// <remarks>
/// The default is one directory per user, not one per working directory: a silo started from the repository, a
/// stand-alone gateway started from its project folder and <c>mint-token</c> run from anywhere must find the same key
/// (a relative default gave each working directory a key of its own, and the gateway refused the silo's tokens).
/// </remarks>
public static class DataDirectory
{
    /// <summary>The setting naming the SQLite file (env <c>Planering__Storage__SqlitePath</c>).</summary>
    public const string SqlitePathSetting = "Planering:Storage:SqlitePath";

    /// <summary>
    /// The user's data directory for Planering: <c>$XDG_DATA_HOME/planering</c>, else <c>~/.local/share/planering</c>
    /// (Linux, macOS), <c>%LOCALAPPDATA%\planering</c> (Windows); <c>./data</c> only when the user has no home.
    /// </summary>
    public static string Default
    {
        get
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return string.IsNullOrEmpty(home) ? Path.GetFullPath("data") : Path.Combine(home, "planering");
        }
    }

    /// <summary>The SQLite file when nothing is configured: <c>planering.db</c> in <see cref="Default"/>.</summary>
    public static string DefaultSqlitePath => Path.Combine(Default, "planering.db");

    /// <summary>The data directory the configuration names (the SQLite file's directory), as a full path.</summary>
    public static string Of(IConfiguration configuration)
    {
        var sqlitePath = configuration[SqlitePathSetting];
        var directory = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath));
        return string.IsNullOrEmpty(directory) ? Path.GetFullPath(".") : directory;
    }
}
