using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>Limits on the shared host: the largest message, and deadlines that reach the grains as cancellation.</summary>
[Collection(SharedApi.Name)]
public sealed class LimitsTests(ApiFixture api)
{
    [Fact]
    public async Task A_request_over_the_message_size_limit_is_RESOURCE_EXHAUSTED_and_changes_nothing()
    {
        var number = OrganisationNumber.FromNineDigits($"6{Random.Shared.Next(0, 99_999_999):D8}").Value;
        var huge = new UpsertHuvudmanRequest
        {
            OrganisationNumber = number, Name = new string('x', 5 * 1024 * 1024), Type = HuvudmanType.Independent, Kommunkod = "0180", Pupils = 10,
        };

        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => api.Registry.UpsertHuvudmanAsync(huge).ResponseAsync);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number }).ResponseAsync);
    }

    [Fact]
    public async Task A_forecast_whose_deadline_passes_is_DEADLINE_EXCEEDED_and_the_grain_stops_computing()
    {
        // Five years of 100,000 paths take seconds; the caller gives it a fraction of one.
        var request = new GetCapacityForecastRequest { HorizonMonths = 60, Paths = 100_000, Seed = Random.Shared.NextInt64() };

        await RpcAssert.FailsAsync(StatusCode.DeadlineExceeded,
            () => api.Forecast.GetCapacityForecastAsync(request, deadline: DateTime.UtcNow.AddMilliseconds(300)).ResponseAsync);

        // The cancellation reached the grain computing the request, which stopped its Monte Carlo instead of finishing it unseen.
        var cancelled = await api.Logs.WaitForAsync(
            e => e.Category.EndsWith("ForecastQueryGrain", StringComparison.Ordinal) && e.Message.Contains("of 100000 paths cancelled by its caller", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.NotNull(cancelled);
    }
}
