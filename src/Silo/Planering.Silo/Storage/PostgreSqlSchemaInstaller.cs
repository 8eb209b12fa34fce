namespace Planering.Silo.Storage;

/// <summary>
/// Runs <see cref="PostgreSqlSchema"/> as the very first step of the silo's start, before the storage and clustering
/// providers read their queries from the OrleansQuery table.
/// </summary>
public sealed class PostgreSqlSchemaInstaller(string connectionString, ILogger<PostgreSqlSchemaInstaller> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle observer) =>
        observer.Subscribe(nameof(PostgreSqlSchemaInstaller), ServiceLifecycleStage.First, cancellationToken => PostgreSqlSchema.ApplyAsync(connectionString, logger, cancellationToken));
}
