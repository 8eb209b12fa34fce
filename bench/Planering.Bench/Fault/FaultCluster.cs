using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Planering.Cluster.Tests;
using Planering.Gateway.Hosting;
using Planering.Gateway.Security;
using Planering.TestSupport;

namespace Planering.Bench.Fault;

/// <summary>
/// The topology of scripts/cluster-local.sh, on a throwaway PostgreSQL: two silo processes with the product's own
/// cluster settings (nothing shortened for the bench) and a stand-alone gateway, here in the bench's process, that the
/// load goes through. Every port is a free loopback port; the signing key is one file all three share.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly WebApplication _gateway;

    private FaultCluster(string directory, SiloNode first, SiloNode second, WebApplication gateway, string token, string database, string clusterId)
    {
        Database = database;
        ClusterId = clusterId;
        _directory = directory;
        Silos = [first, second];
        _gateway = gateway;
        Token = token;
        var address = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        GatewayAddress = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    public IReadOnlyList<SiloNode> Silos { get; }

    public string GatewayAddress { get; }

    /// <summary>A token with every role, minted with the cluster's key.</summary>
    public string Token { get; }

    /// <summary>The stand-alone gateway's Orleans client: for asking the cluster where a grain is, never for the load.</summary>
    public IGrainFactory Grains => _gateway.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Creates a database on <paramref name="postgres"/>, starts the first silo (which seeds Sweden), the second, then the gateway.</summary>
    public static async Task<FaultCluster> StartAsync(PostgresServer postgres, TextWriter log)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"planering-fault-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var keyFile = Path.Combine(directory, AuthOptions.DefaultKeyFileName);
        SigningKeys.LoadOrCreate(keyFile);
        var database = postgres.ConnectionString(await postgres.CreateDatabaseAsync());
        var clusterId = $"fault-{Guid.NewGuid():N}";
        string[] common =
        [
            $"--Planering:Storage:PostgreSqlConnectionString={database}",
            "--Planering:Cluster:Mode=AdoNet",
            $"--Planering:Cluster:ClusterId={clusterId}",
            $"--Planering:Auth:SigningKeyFile={keyFile}",
            "--Planering:Dashboard:Port=0",

            // The load is one subject calling as fast as it can; the limit is per subject and has its own tests.
            "--Planering:RateLimit:PermitsPerSecond=0",
        ];

        SiloNode Silo(string name, bool seed)
        {
            var (siloPort, gatewayPort, apiPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
            return new SiloNode(name, [
                .. common,
                "--Planering:Storage:Provider=PostgreSql",
                $"--Planering:Cluster:SiloPort={siloPort}",
                $"--Planering:Cluster:GatewayPort={gatewayPort}",
                $"--Planering:Api:Port={apiPort}",
                $"--Planering:Seed:Enabled={seed}",
            ], siloPort, apiPort);
        }

        var first = Silo("silo1", seed: true);
        var second = Silo("silo2", seed: false);
        try
        {
            first.Start();
            await first.WaitServingAsync(TimeSpan.FromSeconds(120));
            log.WriteLine("fault: silo1 serves (Sweden seeded)");
            second.Start();
            await second.WaitServingAsync(TimeSpan.FromSeconds(90));
            log.WriteLine("fault: silo2 serves");
            var gateway = GatewayHost.Build([.. common, "--Planering:Api:Port=0"]);
            await gateway.StartAsync();
            var token = TokenMinter.MintLocal(new ConfigurationBuilder().AddCommandLine(common).Build(), "fault-bench", [.. ApiRoles.All], TimeSpan.FromHours(2), DateTimeOffset.UtcNow);
            return new FaultCluster(directory, first, second, gateway, token, database, clusterId);
        }
        catch
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            throw;
        }
    }

    public string Database { get; }

    public string ClusterId { get; }

    /// <summary>
    /// The membership rows of the silo at <paramref name="port"/>, oldest generation first: status and the death votes
    /// (Orleans writes each as <c>voter@time</c>), read straight from the table the silos share.
    /// </summary>
    public async Task<IReadOnlyList<(int Generation, int Status, string? SuspectTimes)>> MembershipOfAsync(int port)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT generation, status, suspect_times FROM planering_membership WHERE deployment_id = @cluster AND port = @port ORDER BY generation", connection);
        command.Parameters.AddWithValue("cluster", ClusterId);
        command.Parameters.AddWithValue("port", port);
        var rows = new List<(int, int, string?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>The silo whose silo-to-silo port is <paramref name="port"/>.</summary>
    public SiloNode SiloAt(int port) => Silos.Single(s => s.SiloPort == port);

    public async ValueTask DisposeAsync()
    {
        // The gateway may still hold calls to a silo that was killed; it is not waited for.
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _gateway.StopAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _gateway.DisposeAsync();
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

}
