using Planering.Domain.Geography;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Tests.World;

public sealed class SwedishWorldTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    [Fact]
    public void The_shipped_geography_has_290_kommuner_21_lan_and_6_offices()
    {
        Assert.Equal(290, Sweden.Kommuner.Select(k => k.Kommunkod).Distinct().Count());
        Assert.Equal(21, Sweden.Lan.Count);
        Assert.Equal(["harnosand", "lulea", "solna", "malmo", "goteborg", "orebro"], Sweden.Offices.Select(o => o.OfficeId));
        Assert.All(Sweden.Kommuner, k => Assert.True(Sweden.TryGetLan(k.Lanskod, out _), k.Kommunkod));
        Assert.All(Sweden.Kommuner, k => Assert.True(k.Position.IsInSweden, k.Name));
        Assert.All(Sweden.Lan, l => Assert.InRange(l.SportlovWeek, 7, 10));
        Assert.Equal(21, Sweden.KommunerByLan.Count);
    }

    [Fact]
    public void Known_places_are_where_they_should_be()
    {
        var stockholm = Sweden.Kommun("0180");
        Assert.Equal("Stockholm", stockholm.Name);
        Assert.Equal(59.33, stockholm.Position.Latitude, 2);
        Assert.Equal("Västerbottens län", Sweden.LanOf("2480").Name);
        Assert.Equal(9, Sweden.LanOf("0180").SportlovWeek);

        // Stockholm–Göteborg is about 398 km as the crow flies.
        Assert.InRange(stockholm.Position.DistanceKmTo(Sweden.Kommun("1480").Position), 390, 405);
    }

    [Fact]
    public void The_seed_is_deterministic_and_every_organisation_number_is_valid_and_unique()
    {
        var first = WorldSeed.Huvudman(Sweden);
        var second = WorldSeed.Huvudman(Sweden);

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(h => h.OrganisationNumber).Distinct().Count());
        Assert.All(first, h => Assert.True(OrganisationNumber.TryParse(h.OrganisationNumber.Value, out _, out _), h.OrganisationNumber.Value));
        Assert.All(first, h => Assert.True(h.Position.IsInSweden, h.Name));
    }

    [Fact]
    public void The_seed_has_every_kommun_as_a_real_municipal_huvudman_and_synthetic_independents()
    {
        var huvudman = WorldSeed.Huvudman(Sweden);
        var municipal = huvudman.Where(h => h.Type == HuvudmanType.Municipal).ToList();
        var independent = huvudman.Where(h => h.Type == HuvudmanType.Independent).ToList();

        Assert.Equal(290, municipal.Count);
        Assert.Equal(Sweden.Kommuner.Select(k => k.Kommunkod), municipal.Select(h => h.Kommunkod));
        Assert.All(municipal, h => Assert.False(h.Synthetic));
        Assert.All(huvudman, h => Assert.True(h.OrganisationNumberSynthetic, h.Name));
        Assert.All(independent, h => Assert.True(h.Synthetic));

        // One school huvudman per 12,000 residents and one preschool huvudman per 6,000: Sweden's 10.6 million give about
        // 880 + 1,770, so about 2,950 huvudmän in scope with the kommuner (docs/calibration.md).
        Assert.InRange(independent.Count, 2_550, 2_750);
        Assert.InRange(huvudman.Count, 2_850, 3_050);
        var stockholm = Sweden.Kommun("0180").Population;
        Assert.Equal(
            (int)Math.Round(stockholm / (double)WorldSeed.ResidentsPerIndependent, MidpointRounding.AwayFromZero)
            + (int)Math.Round(stockholm / (double)WorldSeed.ResidentsPerPreschool, MidpointRounding.AwayFromZero),
            independent.Count(h => h.Kommunkod == "0180"));
        Assert.All(independent.GroupBy(h => h.Kommunkod), g => Assert.Equal(g.Count(), g.Select(h => h.Name).Distinct().Count()));
    }

    [Fact]
    public void Default_staffing_gives_every_office_advisors_working_weekdays()
    {
        var offices = WorldSeed.Offices(Sweden);
        Assert.Equal(6, offices.Count);
        Assert.All(offices, o => Assert.NotEmpty(Staffing.Validate(o.Advisors)));
        Assert.Equal(37, offices.Sum(o => o.Advisors.Count));
    }

    [Fact]
    public void A_huvudman_goes_to_the_nearest_office()
    {
        var offices = Sweden.Offices.Select(o => (o.OfficeId, o.Position)).ToList();
        Assert.Equal("lulea", NearestOfficeAssignment.Nearest(Sweden.Kommun("2584").Position, offices)); // Kiruna
        Assert.Equal("malmo", NearestOfficeAssignment.Nearest(Sweden.Kommun("1281").Position, offices)); // Lund
        Assert.Equal("solna", NearestOfficeAssignment.Nearest(Sweden.Kommun("0380").Position, offices)); // Uppsala
        Assert.Null(NearestOfficeAssignment.Nearest(new GeoPosition(59, 18), []));
    }
}
