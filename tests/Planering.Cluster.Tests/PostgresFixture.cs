using Npgsql;
using Planering.Gateway.Hosting;

namespace Planering.Cluster.Tests;

/// <summary>
/// One throwaway PostgreSQL server for the collection, with the Swedish world seeded once into a template database.
/// Each test gets its own database (an empty one, or a copy of the seeded template, which PostgreSQL makes in well
/// under a second) and its own cluster id, so tests never see each other's state.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string _seeded = null!;

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        _seeded = await Server.CreateDatabaseAsync();

        // The seed runs as on a user's first start: one silo, which applies the schema and then seeds through the grains.
        await using (await Node.StartSiloAsync(Server.ConnectionString(_seeded), ClusterMode.Localhost, "seed", seed: true))
        {
        }

        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A connection string to a new database holding the seeded Swedish world.</summary>
    public async Task<string> SeededDatabaseAsync() => Server.ConnectionString(await Server.CreateDatabaseAsync(template: _seeded));

    /// <summary>A connection string to a new, empty database (no schema yet).</summary>
    public async Task<string> EmptyDatabaseAsync() => Server.ConnectionString(await Server.CreateDatabaseAsync());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
