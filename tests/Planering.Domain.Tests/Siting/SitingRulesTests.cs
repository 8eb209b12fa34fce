using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Planning;
using Planering.Domain.Siting;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Siting;

public sealed class SitingRulesTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    private static readonly IReadOnlyList<(string OfficeId, GeoPosition Position)> Offices =
        Sweden.Offices.Select(o => (o.OfficeId, o.Position)).ToList();

    private static SiteJudgement Judge(string kommunkod, SitingRules? rules = null) =>
        SiteJudge.Judge(Sweden.Kommun(kommunkod), Offices, rules ?? SitingRules.Default(Sweden), Sweden);

    [Fact]
    public void The_shipped_larosaten_are_checked_rows()
    {
        Assert.All(Sweden.Larosaten, l => Assert.True(Sweden.TryGetKommun(l.Kommunkod, out _), l.Name));
        // Mittuniversitetet left Härnösand in 2016: Sundsvall and Östersund only.
        Assert.DoesNotContain(Sweden.Larosaten, l => l.Kommunkod == "2280");
        Assert.Equal(["2281", "2380"], Sweden.Larosaten.Where(l => l.Name == "Mittuniversitetet").Select(l => l.Kommunkod).Order(StringComparer.Ordinal));
        // Ersta Sköndal Bräcke högskola is Marie Cederschiöld högskola since 2022.
        Assert.DoesNotContain(Sweden.Larosaten, l => l.Name.StartsWith("Ersta", StringComparison.Ordinal));
        Assert.Contains(Sweden.Larosaten, l => l.Name == "Linnéuniversitetet" && l.Kommunkod == "0780");
    }

    [Fact]
    public void A_university_town_far_from_every_office_meets_the_default_rules()
    {
        var vaxjo = Judge("0780");
        Assert.True(vaxjo.Eligible);
        Assert.Equal("Linnéuniversitetet", vaxjo.NearestLarosate!.Name);
        Assert.Equal(0, vaxjo.NearestLarosateKm, 6);
        Assert.Equal("malmo", vaxjo.NearestOfficeId);
        Assert.InRange(vaxjo.NearestOfficeKm, 170, 190);
        Assert.Equal([SitingRule.Larosate, SitingRule.Spread, SitingRule.Spsm], vaxjo.Verdicts.Select(v => v.Rule));
    }

    [Fact]
    public void A_kommun_without_a_larosate_nearby_fails_that_rule_and_says_which_is_nearest()
    {
        var savsjo = Judge("0684");
        Assert.False(savsjo.Eligible);
        var verdict = savsjo.Verdicts.Single(v => v.Rule == SitingRule.Larosate);
        Assert.False(verdict.Passed);
        Assert.Contains("Jönköping University", verdict.Reason, StringComparison.Ordinal);
        Assert.True(savsjo.NearestLarosateKm > SitingRules.DefaultMaxLarosateKm);

        // Off, the rule passes, and a longer reach admits it too.
        Assert.True(Judge("0684", SitingRules.Default(Sweden) with { RequireLarosate = false }).Eligible);
        Assert.True(Judge("0684", SitingRules.Default(Sweden) with { MaxLarosateKm = 80 }).Eligible);
    }

    [Fact]
    public void A_site_near_an_existing_office_fails_the_spread_rule()
    {
        var uppsala = Judge("0380"); // Uppsala universitet, but Solna is about 60 km away
        Assert.False(uppsala.Eligible);
        Assert.Equal("solna", uppsala.NearestOfficeId);
        Assert.False(uppsala.Verdicts.Single(v => v.Rule == SitingRule.Spread).Passed);
        Assert.True(Judge("0380", SitingRules.Default(Sweden) with { MinOfficeDistanceKm = 50 }).Eligible);
    }

    [Fact]
    public void Excluded_kommuner_are_out_and_insisted_ones_are_in_whatever_the_other_rules_say()
    {
        var rules = SitingRules.Create(null, null, null, null, null, ["0780"], ["0684"], Sweden);
        Assert.False(Judge("0780", rules).Eligible);
        Assert.Contains(Judge("0780", rules).Verdicts, v => v.Rule == SitingRule.Excluded && !v.Passed);
        Assert.True(Judge("0684", rules).Eligible);
        Assert.Contains(Judge("0684", rules).Verdicts, v => v.Rule == SitingRule.Larosate && !v.Passed);
        Assert.Contains(Judge("0684", rules).Verdicts, v => v.Rule == SitingRule.Insisted && v.Passed);
    }

    [Fact]
    public void Spsm_is_a_preference_that_never_leaves_a_site_out()
    {
        var rules = SitingRules.Create(null, null, null, null, ["0780"], null, null, Sweden);
        Assert.True(Judge("0780", rules).SpsmSite);
        Assert.True(Judge("1780", rules).Eligible);
        Assert.False(Judge("1780", rules).SpsmSite);
        // The default list is the kommuner of the offices that share premises with SPSM: all but Solna.
        Assert.Equal(["1280", "1480", "1880", "2280", "2580"], SitingRules.KnownSpsmSites(Sweden).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unset_values_take_the_named_defaults_and_bad_values_name_every_field()
    {
        var defaults = SitingRules.Create(null, null, null, null, null, null, null, Sweden);
        Assert.Equal(SitingRules.Default(Sweden) with { SpsmKommunkoder = defaults.SpsmKommunkoder, Excluded = defaults.Excluded, Insisted = defaults.Insisted }, defaults);
        Assert.Equal(25, defaults.MaxLarosateKm);
        Assert.Equal(80, defaults.MinOfficeDistanceKm);
        Assert.True(defaults.RequireLarosate && defaults.PreferSpsm);

        var error = Assert.Throws<PlaneringException>(() =>
            SitingRules.Create(null, -1, double.NaN, null, ["x"], ["0180", "9999"], ["0180"], Sweden));
        Assert.Equal(
            ["rules.max_larosate_km", "rules.min_office_distance_km", "rules.spsm_kommunkoder[0]", "rules.excluded_kommunkoder[1]", "rules.insisted_kommunkoder"],
            error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_wave_opens_eligible_spread_sites_and_measures_them_together()
    {
        var world = new PlanningWorld(Planering.Domain.Parameters.PlanningParameters.Default, SchoolHolidayCalendar.Create(Sweden));
        var huvudman = WorldSeed.Huvudman(Sweden).Select(h => new PlanningHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Lanskod, h.Position, h.Pupils)).ToList();
        var offices = Sweden.Offices.Select(o => new PlanningOffice(o.OfficeId, o.Kommunkod, o.Position, WorldSeed.DefaultAdvisors(o.OfficeId, WorldSeed.DefaultAdvisorCount(o.OfficeId)))).ToList();
        var live = LoadBalancer.Solve(world.Problem(huvudman, offices, 2027, null)).OfficeByHuvudman;
        var rules = SitingRules.Default(Sweden);

        var wave = SiteWave.Plan(world, huvudman, offices, 2027, live, rules, 2,
            k => new PlanningOffice($"site-{k.Kommunkod}", k.Kommunkod, k.Position, WorldSeed.DefaultAdvisors($"site-{k.Kommunkod}", 6)), Sweden);

        Assert.Equal(2, wave.Sites.Count);
        Assert.All(wave.Sites, s => Assert.True(s.Judgement.Eligible, s.Kommunkod));
        var first = Sweden.Kommun(wave.Sites[0].Kommunkod).Position;
        var second = Sweden.Kommun(wave.Sites[1].Kommunkod).Position;
        Assert.True(first.DistanceKmTo(second) >= rules.MinOfficeDistanceKm);

        // The combined figure is one re-solve with both open, checked here independently of the wave's bookkeeping.
        var both = offices.Concat(wave.Sites.Select(s => Sweden.Kommun(s.Kommunkod))
            .Select(k => new PlanningOffice($"site-{k.Kommunkod}", k.Kommunkod, k.Position, WorldSeed.DefaultAdvisors($"site-{k.Kommunkod}", 6)))).ToList();
        var liveProblem = world.Problem(huvudman, offices, 2027, live);
        var liveTravel = world.Report(liveProblem, liveProblem.Evaluate(live), huvudman, offices, 2027).TravelKmPerYear;
        var bothProblem = world.Problem(huvudman, both, 2027, live);
        var bothTravel = world.Report(bothProblem, LoadBalancer.Solve(bothProblem), huvudman, both, 2027).TravelKmPerYear;
        Assert.Equal(liveTravel - bothTravel, wave.Combined.TravelKmSavedPerYear, 3);
        Assert.True(wave.Combined.TravelKmSavedPerYear > wave.Sites[0].TravelKmSavedPerYear);
        Assert.Equal(wave.Sites.Sum(s => s.SingleSiteTravelKmSavedPerYear), wave.SingleSiteTravelKmSavedSum, 6);

        // Insisting on a kommun opens it first.
        var insisted = SiteWave.Plan(world, huvudman, offices, 2027, live, SitingRules.Create(null, null, null, null, null, null, ["2480"], Sweden), 1,
            k => new PlanningOffice($"site-{k.Kommunkod}", k.Kommunkod, k.Position, WorldSeed.DefaultAdvisors($"site-{k.Kommunkod}", 6)), Sweden);
        Assert.Equal("2480", insisted.Sites.Single().Kommunkod);
    }
}
