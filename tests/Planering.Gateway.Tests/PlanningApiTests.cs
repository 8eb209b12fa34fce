using System.Diagnostics;
using Grpc.Core;
using Planering.Contracts.V1;
using Xunit.Abstractions;

namespace Planering.Gateway.Tests;

[Collection(SharedApi.Name)]
public sealed class PlanningApiTests(ApiFixture api, ITestOutputHelper output)
{
    private async Task<Dictionary<string, string>> LiveAssignmentAsync()
    {
        var all = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1000 });
        var result = all.Huvudman.ToDictionary(h => h.OrganisationNumber, h => h.OfficeId);
        var token = all.NextPageToken;
        while (token.Length > 0)
        {
            var page = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1000, PageToken = token });
            foreach (var h in page.Huvudman)
            {
                result[h.OrganisationNumber] = h.OfficeId;
            }

            token = page.NextPageToken;
        }

        return result;
    }

    [Fact]
    public async Task The_live_plan_keeps_every_office_within_capacity()
    {
        var plan = await api.Planning.GetPlanAsync(new GetPlanRequest());

        Assert.True(plan.Feasible);
        Assert.Equal(0, plan.OverloadHours);
        Assert.Subset(plan.Offices.Select(o => o.OfficeId).ToHashSet(), new HashSet<string> { "goteborg", "harnosand", "lulea", "malmo", "orebro", "solna" });
        Assert.All(plan.Offices, o => Assert.True(o.DemandHours <= o.CapacityHours, o.OfficeId));
        Assert.Equal(plan.Offices.Sum(o => o.HuvudmanCount), (await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1 })).TotalSize);
        Assert.True(plan.MonthsToCover > 0);
        Assert.Equal(plan.Offices.Sum(o => o.TravelKmPerYear), plan.TravelKmPerYear, 3);
    }

    [Fact]
    public async Task Simulating_an_office_in_Umea_lowers_Vasterbottens_travel_and_leaves_the_live_plan_as_it_was()
    {
        var before = await LiveAssignmentAsync();
        var planBefore = await api.Planning.GetPlanAsync(new GetPlanRequest());

        var result = await api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Umeå", Kommunkod = "2480", Advisors = 6 });

        Assert.Equal("umea", result.OfficeId);
        Assert.True(result.TravelKmSavedPerYear > 0);
        Assert.Contains(result.After.Offices, o => o.OfficeId == "umea" && o.HuvudmanCount > 0);
        var vasterbotten = Assert.Single(result.LanEffects, e => e.Lanskod == "24");
        Assert.True(vasterbotten.TravelKmPerYearAfter < vasterbotten.TravelKmPerYearBefore);
        Assert.Contains(result.Reassigned, r => r.Kommunkod == "2480" && r.ToOfficeId == "umea");
        Assert.All(result.Reassigned, r => Assert.NotEqual(r.FromOfficeId, r.ToOfficeId));
        Assert.True(result.ExpiresAt.ToDateTimeOffset() > DateTimeOffset.UtcNow);

        Assert.Equal(before, await LiveAssignmentAsync());
        var planAfter = await api.Planning.GetPlanAsync(new GetPlanRequest());
        Assert.Equal(planBefore.Offices, planAfter.Offices);
        Assert.DoesNotContain((await api.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices, o => o.OfficeId == "umea");
    }

    [Fact]
    public async Task Committing_a_scenario_opens_the_office_and_moves_the_huvudman_it_moved()
    {
        var result = await api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Östersund", Kommunkod = "2380", Advisors = 3 });
        Assert.Equal("ostersund", result.OfficeId);
        Assert.NotEmpty(result.Reassigned);

        var plan = await api.Planning.CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = result.ScenarioId });

        Assert.Contains(plan.Offices, o => o.OfficeId == "ostersund" && o.HuvudmanCount > 0);
        var office = await api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "ostersund" });
        Assert.Equal(3, office.Advisors.Count);
        var live = await LiveAssignmentAsync();
        Assert.All(result.Reassigned, r => Assert.Equal(r.ToOfficeId, live[r.HuvudmanId]));
        Assert.Equal(plan.Offices.Single(o => o.OfficeId == "ostersund").HuvudmanCount,
            (await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { OfficeId = "ostersund", PageSize = 1 })).TotalSize);

        // Committing again is the same commit; simulating the same office again is refused, it exists now.
        await api.Planning.CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = result.ScenarioId });
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Östersund", Kommunkod = "2380", Advisors = 3 }).ResponseAsync);
    }

    [Fact]
    public async Task Every_kommun_is_ranked_as_a_site_with_progress_along_the_way()
    {
        var watch = Stopwatch.StartNew();
        using var call = api.Planning.RankOfficeSites(new RankOfficeSitesRequest { K = 3, Advisors = 6 });
        var progress = new List<RankOfficeSitesProgress>();
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            progress.Add(message);
        }

        output.WriteLine($"ranked 290 kommuner in {watch.Elapsed.TotalSeconds:F1} s over {progress.Count} messages");
        var final = progress[^1];
        Assert.True(final.Done);
        Assert.Equal(290, final.Evaluated);
        Assert.True(progress.Count > 2);
        Assert.Equal(progress.Select(p => p.Evaluated).Order(), progress.Select(p => p.Evaluated));
        Assert.Equal(3, final.ByTravelSaved.Count);
        Assert.Equal(3, final.ByTimeToCover.Count);
        Assert.Equal(final.ByTravelSaved.Select(c => c.TravelKmSavedPerYear).OrderDescending(), final.ByTravelSaved.Select(c => c.TravelKmSavedPerYear));
        Assert.True(final.ByTravelSaved[0].TravelKmSavedPerYear > 0);
    }

    [Fact]
    public async Task Every_candidate_of_a_default_ranking_holds_the_siting_rules_as_the_shipped_data_says()
    {
        // Checked against the data files themselves, not through the code that applies the rules.
        var offices = (await api.Registry.ListOfficesAsync(new ListOfficesRequest())).Offices.Select(o => (o.OfficeId, o.Position.Latitude, o.Position.Longitude)).ToList();
        var final = await Streams.LastAsync(api.Planning.RankOfficeSites(new RankOfficeSitesRequest { K = 5 }));

        Assert.Equal(25, final.Rules.MaxLarosateKm);
        Assert.Equal(80, final.Rules.MinOfficeDistanceKm);
        Assert.True(final.Rules.RequireLarosate);
        Assert.InRange(final.Eligible, 5, 289);
        var candidates = final.ByTravelSaved.Concat(final.ByTimeToCover).ToList();
        Assert.Equal(10, candidates.Count);
        foreach (var c in candidates)
        {
            var seat = ShippedData.Seat(c.Kommunkod);
            var nearestCampus = ShippedData.Larosaten.Min(l => ShippedData.Km(seat, ShippedData.Seat(l.Kommunkod)));
            Assert.True(nearestCampus <= 25, $"{c.Kommun}: nearest lärosäte {nearestCampus:F0} km");
            Assert.Equal(nearestCampus, c.NearestLarosateKm, 6);
            Assert.Contains(ShippedData.Larosaten, l => l.Name == c.NearestLarosate);
            var nearestOffice = offices.Min(o => ShippedData.Km(seat, (o.Latitude, o.Longitude)));
            Assert.True(nearestOffice >= 80, $"{c.Kommun}: an office {nearestOffice:F0} km away");
            Assert.Equal(nearestOffice, c.NearestOfficeKm, 6);
            Assert.True(c.Eligible);
            Assert.Equal(["LAROSATE", "SPREAD", "SPSM"], c.Verdicts.Select(v => v.Rule));
            Assert.True(c.Verdicts[0].Passed && c.Verdicts[1].Passed, c.Kommun);
            Assert.True(c.NightsAwaySavedPerYear >= 0, $"{c.Kommun}: nights saved {c.NightsAwaySavedPerYear}");
        }

        // Sävsjö saves the most travel of all kommuner, but has no lärosäte within 25 km: the rules leave it out.
        Assert.DoesNotContain(candidates, c => c.Kommunkod == "0684");
    }

    [Fact]
    public async Task A_wave_of_two_offices_is_evaluated_together_and_every_kommun_can_be_shown_with_its_verdicts()
    {
        var final = await Streams.LastAsync(api.Planning.RankOfficeSites(new RankOfficeSitesRequest
        {
            K = 3,
            Sites = 2,
            IncludeIneligible = true,
            Rules = new SitingRules { MinOfficeDistanceKm = 100 },
        }));

        // Unranked by the rules, Sävsjö (no lärosäte within 25 km) may lead, and says why it would not be eligible.
        Assert.Contains(final.ByTravelSaved, c => !c.Eligible && c.Verdicts.Any(v => !v.Passed && v.Rule == "LAROSATE"));
        Assert.Equal(100, final.Rules.MinOfficeDistanceKm);

        var wave = final.Wave;
        Assert.Equal(2, wave.Sites.Count);
        Assert.Equal(2, wave.SingleSiteTravelKmSavedPerYear.Count);
        Assert.All(wave.Sites, s => Assert.True(s.Eligible && s.NearestLarosateKm <= 25 && s.NearestOfficeKm >= 100, s.Kommun));
        // Spread holds between the wave's own sites too.
        Assert.True(ShippedData.Km(ShippedData.Seat(wave.Sites[0].Kommunkod), ShippedData.Seat(wave.Sites[1].Kommunkod)) >= 100);
        // The second site's figures are what it adds with the first open; the combined figure is its own re-solve.
        Assert.True(wave.TravelKmSavedPerYear > wave.Sites[0].TravelKmSavedPerYear);
        Assert.Equal(wave.SingleSiteTravelKmSavedPerYear.Sum(), wave.SingleSiteTravelKmSavedSum, 6);
        Assert.True(wave.MonthsToCoverAfter <= wave.MonthsToCoverBefore);
        Assert.NotEmpty(wave.Method);
    }

    [Fact]
    public async Task Bad_planning_requests_name_the_field()
    {
        Assert.Equal(["name", "kommunkod", "advisors"], await RpcAssert.InvalidFieldsAsync(() => api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest()).ResponseAsync));
        Assert.Equal(["advisors"], await RpcAssert.InvalidFieldsAsync(() => api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Xby", Kommunkod = "2480", Advisors = 500 }).ResponseAsync));
        Assert.Equal(["kommunkod"], await RpcAssert.InvalidFieldsAsync(() => api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Xby", Kommunkod = "9999", Advisors = 2 }).ResponseAsync));
        // A position outside Sweden lies in no kommun either.
        Assert.Equal(["kommunkod", "position.longitude"], await RpcAssert.InvalidFieldsAsync(() => api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Oslo", Position = new GeoPoint { Latitude = 59.91, Longitude = 10.75 }, Advisors = 2 }).ResponseAsync));
        Assert.Equal(["k"], await RpcAssert.InvalidFieldsAsync(async () =>
        {
            using var call = api.Planning.RankOfficeSites(new RankOfficeSitesRequest { K = 100 });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }));
        Assert.Equal(["scenario_id"], await RpcAssert.InvalidFieldsAsync(() => api.Planning.CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = "nope" }).ResponseAsync));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Planning.CommitScenarioAsync(new CommitScenarioRequest { ScenarioId = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Planning.SimulateOpenOfficeAsync(new SimulateOpenOfficeRequest { Name = "Luleå", Kommunkod = "2580", Advisors = 2 }).ResponseAsync);
    }
}
