using Grpc.Core;
using Planering.Contracts.V1;

namespace Planering.Gateway.Tests;

/// <summary>
/// The trip settings in the planning parameters over real gRPC: the shipped ferry lines and nights limit read back, a
/// change is obeyed by the next FindNextSlot, and bad values are refused naming each field. Each test puts back what it changed.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class TripParametersApiTests(ApiFixture api)
{
    private Task<PlanningParameters> GetAsync() => api.Planning.GetPlanningParametersAsync(new GetPlanningParametersRequest()).ResponseAsync;

    private Task<PlanningParameters> SetAsync(PlanningParameters parameters) => api.Planning.SetPlanningParametersAsync(parameters).ResponseAsync;

    // Kiruna kommun: a night away from Luleå, its office in the live plan.
    private Task<FindNextSlotResponse> KirunaOnSiteAsync() => api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest
    {
        HuvudmanId = Domain.Registry.OrganisationNumber.FromNineDigits("212002584").Value,
        EarliestDate = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Mode = DialogueMode.OnSite,
        OfficeId = "lulea",
        HorizonDays = 60,
    }).ResponseAsync;

    [Fact]
    public async Task The_trip_settings_read_back_a_change_is_obeyed_by_the_slot_search_and_bad_values_are_named()
    {
        var live = await GetAsync();
        Assert.Equal((4, 2), (live.MaxNightsAwayPerAdvisorMonth, live.MaxNightsPerTrip));
        var ferry = Assert.Single(live.FerryRoutes, f => f.Name == "Nynäshamn–Visby");
        Assert.Equal((195, "12:30"), (ferry.CrossingMinutes, ferry.DeparturesFromMainland[1]));

        var trip = (await KirunaOnSiteAsync()).Slot;
        Assert.Equal(1, trip.NightsAway);
        Assert.NotEqual(trip.TravelOutDate, trip.TravelBackDate); // out the day before, or home the day after on a Monday

        try
        {
            // No nights away at all: Kiruna has no on-site slot from Luleå any more.
            var none = await SetAsync(live.Clone().With(p => p.MaxNightsAwayPerAdvisorMonth = 0));
            Assert.Equal(0, none.MaxNightsAwayPerAdvisorMonth);
            await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, KirunaOnSiteAsync);

            var fields = await RpcAssert.InvalidFieldsAsync(() => SetAsync(none.Clone().With(p =>
            {
                p.MaxNightsAwayPerAdvisorMonth = 40;
                p.FerryRoutes[0].CrossingMinutes = 0;
                p.FerryRoutes[0].DeparturesFromIsland[0] = "7 am";
            })));
            Assert.Equal(["ferry_routes[0].crossing_minutes", "ferry_routes[0].departures_from_island", "max_nights_away_per_advisor_month"], fields.Order(StringComparer.Ordinal));
        }
        finally
        {
            var now = await GetAsync();
            await SetAsync(now.Clone().With(p => p.MaxNightsAwayPerAdvisorMonth = live.MaxNightsAwayPerAdvisorMonth));
        }

        Assert.Equal(1, (await KirunaOnSiteAsync()).Slot.NightsAway);
    }
}
