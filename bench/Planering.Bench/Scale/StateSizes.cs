using Microsoft.Data.Sqlite;

namespace Planering.Bench.Scale;

/// <summary>How big each grain type's stored state is: rows and payload bytes per grain type in the SQLite state table.</summary>
public static class StateSizes
{
    public sealed record Row(string GrainType, long Count, double AverageBytes, long MaxBytes, long TotalBytes);

    public static IReadOnlyList<Row> Read(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT GrainType, COUNT(*), AVG(LENGTH(Payload)), MAX(LENGTH(Payload)), SUM(LENGTH(Payload))
            FROM PlaneringGrainState
            GROUP BY GrainType
            ORDER BY SUM(LENGTH(Payload)) DESC
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetDouble(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt64(3), reader.IsDBNull(4) ? 0 : reader.GetInt64(4)));
        }

        return rows;
    }
}
