using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Planering.Contracts.V1;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

/// <summary>Per-caller rate limiting, on a host configured with a tight limit.</summary>
[Collection(SecondHost.Name)]
public sealed class RateLimitTests(SecondHostFixture host)
{
    /// <summary>Calls until the limit answers; one token a second comes back, so even a slow machine meets it soon.</summary>
    private static async Task<RpcException> CallUntilLimitedAsync(Func<Task> call)
    {
        for (var i = 0; i < 30; i++)
        {
            try
            {
                await call();
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.ResourceExhausted)
            {
                return error;
            }
            catch (RpcException)
            {
                // Refused otherwise (no token): still a call the limit counts.
            }
        }

        throw new Xunit.Sdk.XunitException("30 calls in a row were never limited");
    }

    [Fact]
    public async Task A_caller_over_its_limit_is_RESOURCE_EXHAUSTED_with_a_retry_delay_and_other_callers_are_not()
    {
        using var alice = host.ChannelWith(host.MintToken($"alice-{Guid.NewGuid():N}", ApiRoles.Viewer));
        var aliceRegistry = new RegistryService.RegistryServiceClient(alice);
        for (var i = 0; i < SecondHostFixture.Burst; i++)
        {
            await aliceRegistry.ListOfficesAsync(new ListOfficesRequest());
        }

        var limited = await CallUntilLimitedAsync(() => aliceRegistry.ListOfficesAsync(new ListOfficesRequest()).ResponseAsync);

        Assert.Equal("RATE_LIMITED", RpcAssert.ReasonOf(limited));
        var retry = limited.GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);

        // The limit is alice's own: bob, another subject, calls as if nothing happened.
        using var bob = host.ChannelWith(host.MintToken($"bob-{Guid.NewGuid():N}", ApiRoles.Viewer));
        await new RegistryService.RegistryServiceClient(bob).ListOfficesAsync(new ListOfficesRequest());
    }

    [Fact]
    public async Task Calls_without_a_token_are_limited_by_address_and_health_never_is()
    {
        using var anonymous = host.ChannelWith(null);
        var registry = new RegistryService.RegistryServiceClient(anonymous);

        var limited = await CallUntilLimitedAsync(() => registry.ListOfficesAsync(new ListOfficesRequest()).ResponseAsync);

        Assert.Equal("RATE_LIMITED", RpcAssert.ReasonOf(limited));
        Assert.StartsWith("ip:", limited.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Metadata["caller"], StringComparison.Ordinal);
        var health = new Health.HealthClient(anonymous);
        for (var i = 0; i < 3 * SecondHostFixture.Burst; i++)
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        }
    }
}
