namespace Planering.Silo.Configuration;

/// <summary>Which database holds grain state.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file next to the silo: the embedded default, for one silo on one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, which several silos can share (cluster mode).</summary>
    PostgreSql,
}
