using Grpc.Core;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>A silo whose rate limit a CLI import is sure to reach: 2 calls a second, 3 at once; no seed, to start fast.</summary>
public sealed class RateLimitedSiloFixture() : SiloFixture(
    "--Planering:RateLimit:PermitsPerSecond=2", "--Planering:RateLimit:Burst=3", "--Planering:Seed:Enabled=false");

/// <summary>Every command honours the server's RetryInfo: past the rate limit it waits and goes on, it does not fail.</summary>
public sealed class RetryInfoTests(RateLimitedSiloFixture silo) : IClassFixture<RateLimitedSiloFixture>
{
    [Fact]
    public async Task An_import_past_the_rate_limit_waits_as_the_server_asks_and_completes()
    {
        // One kommun check, six look-ups and six upserts: thirteen calls against a limit of three at once, two a second.
        var numbers = Enumerable.Range(0, 6).Select(_ => TestKeys.OrganisationNumber()).ToList();
        var path = Path.Combine(silo.Directory, $"register-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, ["organisation_number,name,type,kommunkod", .. numbers.Select(n => $"{n},Gränsskolan {n} AB,enskild,2480")]);

        var result = await silo.RunAsync("import", "huvudman", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Imported: 6 new, 0 updated, 0 unchanged; 6 written.", result.Output, StringComparison.Ordinal);
        foreach (var number in numbers)
        {
            Assert.Equal(number, (await silo.PatientRegistry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number })).OrganisationNumber);
        }
    }

    [Fact]
    public async Task The_server_really_refuses_a_caller_that_does_not_wait()
    {
        // The limit the test above meets: without waiting, a burst of calls is refused with a RetryInfo delay.
        var refused = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await silo.Registry.ListOfficesAsync(new ListOfficesRequest());
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.ResourceExhausted)
            {
                refused++;
                Assert.NotNull(error.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>());
            }
        }

        Assert.True(refused > 0, "ten calls at once were all allowed");
    }
}
