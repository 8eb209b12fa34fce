using System.Globalization;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>
/// GetPlanningParameters and SetPlanningParameters over real gRPC against the seeded silo with SQLite storage: versions,
/// refusals that change nothing, and every job's figures following the cycle. Each test puts back what it changed.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class PlanningParametersApiTests(ApiFixture api)
{
    private static int _next = Random.Shared.Next(0, 90_000_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"8{Interlocked.Increment(ref _next):D8}").Value;

    private Task<PlanningParameters> GetAsync() => api.Planning.GetPlanningParametersAsync(new GetPlanningParametersRequest()).ResponseAsync;

    private Task<PlanningParameters> SetAsync(PlanningParameters parameters) => api.Planning.SetPlanningParametersAsync(parameters).ResponseAsync;

    [Fact]
    public async Task A_set_needs_the_live_version_names_every_bad_field_and_a_refusal_changes_nothing()
    {
        var live = await GetAsync();
        Assert.True(live.Version >= 1);
        Assert.Equal(("08:00", "17:00", "12:00", 60), (live.OfficeHours.DayStart, live.OfficeHours.DayEnd, live.OfficeHours.LunchStart, live.OfficeHours.LunchMinutes));
        Assert.Equal(5, live.OfficeHours.ShortenedDays.Count);

        var changed = await SetAsync(live.Clone().With(p => p.MaxDialoguesPerWeek = 7));
        try
        {
            Assert.Equal(live.Version + 1, changed.Version);
            Assert.Equal(7, changed.MaxDialoguesPerWeek);
            Assert.Equal(changed, await GetAsync());

            // The old version is stale now: ABORTED, naming the live version, and nothing changes.
            var stale = await RpcAssert.FailsAsync(StatusCode.Aborted, () => SetAsync(live.Clone().With(p => p.CycleMonths = 12)));
            Assert.Equal("PARAMETERS_VERSION_STALE", RpcAssert.ReasonOf(stale));
            Assert.Contains($"version {changed.Version.ToString(CultureInfo.InvariantCulture)}", stale.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(changed, await GetAsync());

            // Every invalid field at once, and nothing changes.
            var fields = await RpcAssert.InvalidFieldsAsync(() => SetAsync(changed.Clone().With(p =>
            {
                p.CycleMonths = 0;
                p.DialogueShare = 2;
                p.FollowUpHours = -1;
                p.OfficeHours.LunchStart = "noon";
            })));
            Assert.Equal(["cycle_months", "dialogue_share", "follow_up_hours", "office_hours.lunch_start"], fields.Order(StringComparer.Ordinal));
            Assert.Equal(changed, await GetAsync());
        }
        finally
        {
            var now = await GetAsync();
            await SetAsync(now.Clone().With(p => p.MaxDialoguesPerWeek = live.MaxDialoguesPerWeek));
        }
    }

    [Fact]
    public async Task The_parameters_survive_a_restart_of_the_silo()
    {
        var live = await GetAsync();
        var set = await SetAsync(live.Clone().With(p =>
        {
            p.StartMeetingHours = 2;
            p.OfficeOverrides.Add(new OfficeParameterOverride { OfficeId = "lulea", MaxDialoguesPerDay = 1 });
            p.HuvudmanCycles.Add(new HuvudmanCycle { HuvudmanId = OrganisationNumber.FromNineDigits("212002584").Value, CycleMonths = 12 });
        }));
        try
        {
            await api.RestartAsync();
            Assert.Equal(set, await GetAsync());
        }
        finally
        {
            var now = await GetAsync();
            await SetAsync(live.Clone().With(p => p.Version = now.Version));
        }
    }

    /// <summary>The "done when": the cycle from 36 to 24 months moves the plan's demand, the forecast's demand and the slot search's spacing.</summary>
    [Fact]
    public async Task A_cycle_of_24_months_instead_of_36_moves_planned_demand_forecast_demand_and_the_slot_search()
    {
        var live = await GetAsync();
        Assert.Equal(36, live.CycleMonths);

        // A huvudman with a dialogue booked next spring: the cycle decides when it can have the next one.
        var huvudman = NewOrganisationNumber();
        await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = huvudman, Name = "Cykelskolan AB", Type = HuvudmanType.Independent, Kommunkod = "1880", Pupils = 200 });
        var year = DateTime.UtcNow.Year + 1;
        var first = (await api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest { HuvudmanId = huvudman, OfficeId = "orebro", EarliestDate = $"{year}-04-12", Mode = DialogueMode.Digital })).Slot;
        await api.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"cycle-{Guid.NewGuid():N}", HuvudmanId = huvudman, Slot = first });
        var held = DateOnly.ParseExact(first.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var askFrom = held.AddMonths(24).AddDays(-10);
        var next = new FindNextSlotRequest { HuvudmanId = huvudman, OfficeId = "orebro", EarliestDate = askFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Mode = DialogueMode.Digital, HorizonDays = 730 };

        var planBefore = await api.Planning.GetPlanAsync(new GetPlanRequest());
        var forecastBefore = await ForecastAsync();
        var slotBefore = await api.Scheduling.FindNextSlotAsync(next);

        var set = await SetAsync(live.Clone().With(p => p.CycleMonths = 24));
        try
        {
            var planAfter = await api.Planning.GetPlanAsync(new GetPlanRequest());
            var forecastAfter = await ForecastAsync();
            var slotAfter = await api.Scheduling.FindNextSlotAsync(next);

            // The plan: one dialogue every 24 months instead of 36, so 1.5 times the dialogues a year, and about 1.5 times
            // the hours: the heavier load re-solves the plan (offices pass the balance floor), and a huvudman that moves
            // office travels a different distance.
            Assert.Equal(set.Version, planAfter.ParametersVersion);
            Assert.Equal(planBefore.DialoguesPerYear * 1.5, planAfter.DialoguesPerYear, 6);
            Assert.InRange(planAfter.DemandHours / planBefore.DemandHours, 1.4, 1.6);

            // The forecast: over its 24 months the first round reaches every huvudman instead of two in three.
            var (dialoguesBefore, hoursBefore) = forecastBefore;
            var (dialoguesAfter, hoursAfter) = forecastAfter;
            Assert.InRange(dialoguesAfter / dialoguesBefore, 1.3, 1.7);
            Assert.InRange(hoursAfter / hoursBefore, 1.3, 1.7);

            // The slot search: 36 months after the booked dialogue before, 24 months after it now.
            var before = DateOnly.ParseExact(slotBefore.Slot.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var after = DateOnly.ParseExact(slotAfter.Slot.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(before >= held.AddMonths(36), $"at 36 months the next dialogue is on {before}, booked {held}");
            Assert.True(after >= held.AddMonths(24) && after < held.AddMonths(25), $"at 24 months the next dialogue is on {after}, booked {held}");
            Assert.Contains(slotAfter.Rejections, r => r.Code == "CYCLE_SPACING");
        }
        finally
        {
            var now = await GetAsync();
            await SetAsync(live.Clone().With(p => p.Version = now.Version));
        }
    }

    [Fact]
    public async Task A_change_reaches_watchers_of_the_forecast()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var watch = api.Forecast.WatchCapacityForecast(new WatchCapacityForecastRequest(), cancellationToken: deadline.Token);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        var before = watch.ResponseStream.Current;

        var live = await GetAsync();
        await SetAsync(live.Clone().With(p => p.DialogueShare = 0.5));
        try
        {
            CapacityForecast after;
            do
            {
                Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
                after = watch.ResponseStream.Current;
            }
            while (!after.Trigger.Split(',').Contains("parameters-changed"));

            // Less of each advisor's time for dialogues: less capacity in every month with any.
            Assert.True(after.Version > before.Version);
            var capacityBefore = before.National.Months.Sum(m => m.CapacityHours.Mean);
            var capacityAfter = after.National.Months.Sum(m => m.CapacityHours.Mean);
            Assert.True(capacityAfter < capacityBefore, $"capacity {capacityBefore:F0} h before, {capacityAfter:F0} h after");
        }
        finally
        {
            var now = await GetAsync();
            await SetAsync(live.Clone().With(p => p.Version = now.Version));
        }
    }

    [Fact]
    public async Task A_scenario_with_its_own_cycle_and_staff_leaves_the_live_parameters_alone()
    {
        var live = await GetAsync();
        var plain = await api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = $"Scenby {Guid.NewGuid():N}"[..14], Kommunkod = "2480", Advisors = 4 });
        var assumed = await api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest
        {
            Name = $"Scenby {Guid.NewGuid():N}"[..14], Kommunkod = "2480", Advisors = 4, AdvisorsPerOffice = 8,
            Parameters = live.Clone().With(p => p.CycleMonths = 24),
        });

        Assert.Equal(plain.Before.DialoguesPerYear, assumed.Before.DialoguesPerYear, 6);
        Assert.Equal(plain.After.DialoguesPerYear * 1.5, assumed.After.DialoguesPerYear, 6);
        Assert.True(assumed.After.CapacityHours > plain.After.CapacityHours, "eight advisors at every office give more hours");
        Assert.Equal(live, await GetAsync());
    }

    /// <summary>The national forecast's nominal dialogues and mean demand hours over the horizon (a fresh, non-live computation).</summary>
    private async Task<(double Dialogues, double Hours)> ForecastAsync()
    {
        var forecast = await api.Forecast.GetCapacityForecastAsync(new GetCapacityForecastRequest { Paths = 200 });
        return (forecast.National.Months.Sum(m => m.DemandDialogues), forecast.National.Months.Sum(m => m.DemandHours.Mean));
    }
}
