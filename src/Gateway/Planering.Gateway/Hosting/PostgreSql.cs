using Npgsql;

namespace Planering.Gateway.Hosting;

/// <summary>
/// PostgreSQL as Planering uses it: one connection string, shared by grain storage and cluster membership, so that an
/// operator sets one value for the silos and the stand-alone gateways alike.
/// </summary>
public static class PostgreSql
{
    /// <summary>The ADO.NET invariant under which Orleans loads <c>Npgsql.NpgsqlFactory</c>.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The one setting holding the connection string (env <c>Planering__Storage__PostgreSqlConnectionString</c>).</summary>
    public const string ConnectionStringSetting = "Planering:Storage:PostgreSqlConnectionString";

    /// <summary>Why <paramref name="connectionString"/> cannot serve <paramref name="neededBy"/>; empty when it can.</summary>
    public static IEnumerable<string> Problems(string? connectionString, string neededBy)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            yield return $"{neededBy} needs {ConnectionStringSetting} (for example Host=127.0.0.1;Port=5432;Database=planering;Username=planering)";
            yield break;
        }

        string? problem = null;
        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host))
            {
                problem = $"{ConnectionStringSetting} must name a Host";
            }
        }
        catch (ArgumentException exception)
        {
            // The parser's message names the keyword, never a value, so no password can leak into the log.
            problem = $"{ConnectionStringSetting} is not a valid PostgreSQL connection string: {exception.Message}";
        }

        if (problem is not null)
        {
            yield return problem;
        }
    }
}
