namespace Planering.Silo.Configuration;

/// <summary>Where grain state lives (section <c>Planering:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Planering:Storage";

    /// <summary>The SQLite database file, relative to the working directory (env <c>Planering__Storage__SqlitePath</c>).</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "planering.db");

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(SqlitePath))
        {
            yield return $"{Section}:SqlitePath must name a file";
        }
    }
}
