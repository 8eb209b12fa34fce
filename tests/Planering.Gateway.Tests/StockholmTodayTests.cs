using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

/// <summary>
/// "Today" at the API is the date in Europe/Stockholm, not in UTC: a stand-alone gateway whose wall clock is set to
/// 23:30 UTC (already the next day in Sweden, summer or winter) accepts a date the Swedish today allows and UTC's would not.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class StockholmTodayTests(ApiFixture api)
{
    /// <summary>The system clock moved to a chosen wall-clock instant; timestamps (timers, timeouts) run as usual.</summary>
    private sealed class ShiftedClock(DateTimeOffset at) : TimeProvider
    {
        private readonly TimeSpan _shift = at - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }

    [Fact]
    public async Task The_latest_planning_date_is_counted_from_today_in_Stockholm_not_in_UTC()
    {
        // The coming 23:30 UTC: in Stockholm it is 00:30 or 01:30 of the next day.
        var utcNow = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(utcNow.Year, utcNow.Month, utcNow.Day, 23, 30, 0, TimeSpan.Zero);
        var clock = new ShiftedClock(at);
        var utcToday = DateOnly.FromDateTime(at.UtcDateTime);
        var swedishToday = utcToday.AddDays(1);

        await using var gateway = GatewayHost.Build([.. api.Settings, "--Planering:Api:Port=0", $"--Planering:Cluster:GatewayPort={api.GatewayPort}"], clock);
        await gateway.StartAsync();
        // A token valid from the real now until past the gateway's shifted one (at most a day ahead), on either clock.
        var token = TokenMinter.MintLocal(new ConfigurationBuilder().AddCommandLine(api.Settings).Build(), "today-tests", [.. ApiRoles.All], TimeSpan.FromHours(30), DateTimeOffset.UtcNow);
        using var channel = BearerChannel.ForAddress(ApiFixture.AddressOf(gateway), token);
        var scheduling = new SchedulingService.SchedulingServiceClient(channel);
        var stockholm = Domain.Registry.OrganisationNumber.FromNineDigits("212000180").Value;

        FindNextSlotRequest At(DateOnly earliest) => new()
        {
            HuvudmanId = stockholm, OfficeId = "solna", EarliestDate = earliest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Mode = DialogueMode.Digital, HorizonDays = 1,
        };

        // Five years from the Swedish today is the last date allowed: counted from UTC's today it would be refused.
        var last = swedishToday.AddYears(5);
        // (A slot, or none on that one day: either way the date was taken.)
        Assert.Contains(await StatusOf(() => scheduling.FindNextSlotAsync(At(last)).ResponseAsync), new[] { StatusCode.OK, StatusCode.FailedPrecondition });
        Assert.Equal(["earliest_date"], await RpcAssert.InvalidFieldsAsync(() => scheduling.FindNextSlotAsync(At(last.AddDays(1))).ResponseAsync));
        await gateway.StopAsync();
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
