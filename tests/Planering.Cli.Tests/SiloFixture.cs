using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>
/// The default installation the CLI talks to (<see cref="PlaneringTestHost"/>): one silo, the Swedish world seeded into a
/// temporary SQLite file, the gRPC API co-hosted on a free loopback port, with authentication on. Tests run the CLI
/// against <see cref="PlaneringTestHost.Address"/> with <see cref="PlaneringTestHost.Token"/> (every role) and arrange or
/// check state through the same API.
/// </summary>
public class SiloFixture : PlaneringTestHost, IAsyncLifetime
{
    public SiloFixture()
        : base("cli-tests")
    {
    }

    /// <param name="settings">Settings over the shared host's defaults (for example a rate limit).</param>
    protected SiloFixture(params string[] settings)
        : base("cli-tests", settings)
    {
    }

    /// <summary>The registry through the CLI's own RetryInfo back-off, for checks against a rate-limited silo.</summary>
    public RegistryService.RegistryServiceClient PatientRegistry => new(Grpc.Core.Interceptors.ChannelExtensions.Intercept(Channel, new Planering.Cli.Hosting.RetryInfoBackoff()));

    /// <summary>Runs the CLI against this silo with its token.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(null, [.. args, "--server", Address, "--token", Token]);

    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class SharedSilo : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
