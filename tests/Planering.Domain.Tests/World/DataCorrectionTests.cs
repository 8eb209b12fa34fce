using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.World;

namespace Planering.Domain.Tests.World;

/// <summary>The corrections of 2026-12 (World/Data/SOURCES.md) stay corrected.</summary>
public sealed class DataCorrectionTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    // The seats that were furthest off, at GeoNames' position of the seat (postal-code gazetteer, CC BY 4.0), and the
    // kilometres they were off before: each must now be within 2 km of the gazetteer.
    [Theory]
    [InlineData("2421", "Storuman", 65.0959, 17.1173, 71)]
    [InlineData("2309", "Krokom", 63.3259, 14.4488, 55)]
    [InlineData("2506", "Arjeplog", 66.0517, 17.8861, 51)]
    [InlineData("2425", "Dorotea", 64.2618, 16.4131, 27)]
    [InlineData("2513", "Överkalix", 66.3275, 22.8441, 21)]
    [InlineData("2026", "Djurås", 60.5605, 15.1303, 18)]
    [InlineData("1382", "Falkenberg", 56.9055, 12.4912, 18)]
    [InlineData("0319", "Skutskär", 60.6410, 17.4091, 17)]
    [InlineData("0331", "Heby", 59.9381, 16.8622, 16)]
    [InlineData("1401", "Mölnlycke", 57.6589, 12.1179, 11)]
    [InlineData("0191", "Märsta", 59.6252, 17.8516, 7)]
    public void The_worst_seat_positions_are_where_the_gazetteer_has_the_seat(string kommunkod, string seat, double latitude, double longitude, int kmOffBefore)
    {
        var kommun = Sweden.Kommun(kommunkod);
        Assert.Equal(seat, kommun.Centralort);
        var off = kommun.Position.DistanceKmTo(new GeoPosition(latitude, longitude));
        Assert.True(off < 2, $"{seat} is {off:F1} km from the gazetteer's position (it was about {kmOffBefore} km off before 2026-12)");
    }

    [Theory]
    [InlineData("1401", "Härryda", "Mölnlycke")]
    [InlineData("0191", "Sigtuna", "Märsta")]
    [InlineData("0319", "Älvkarleby", "Skutskär")]
    [InlineData("2026", "Gagnef", "Djurås")]
    public void Seats_named_wrongly_before_carry_the_right_name(string kommunkod, string kommun, string seat)
    {
        Assert.Equal(kommun, Sweden.Kommun(kommunkod).Name);
        Assert.Equal(seat, Sweden.Kommun(kommunkod).Centralort);
    }

    [Theory]
    [InlineData("Stockholm", "Stockholms kommun")]
    [InlineData("Göteborg", "Göteborgs kommun")]
    [InlineData("Malmö", "Malmö kommun")]
    [InlineData("Umeå", "Umeå kommun")]
    [InlineData("Alingsås", "Alingsås kommun")]
    [InlineData("Kalix", "Kalix kommun")]
    [InlineData("Upplands-Bro", "Upplands-Bro kommun")]
    [InlineData("Malung-Sälen", "Malung-Sälens kommun")]
    [InlineData("Lilla Edet", "Lilla Edets kommun")]
    [InlineData("Falun", "Falu kommun")]
    [InlineData("Gotland", "Region Gotland")]
    public void Official_names_follow_the_genitive_rule_and_its_two_exceptions(string shortName, string official)
    {
        Assert.Equal(official, KommunNames.Official(shortName));
    }

    [Fact]
    public void The_rule_changes_136_of_the_290_names_134_by_the_genitive_s()
    {
        var changed = Sweden.Kommuner.Where(k => k.OfficialName != $"{k.Name} kommun").ToList();
        Assert.Equal(136, changed.Count);
        Assert.Equal(134, changed.Count(k => k.OfficialName == $"{k.Name}s kommun"));
        Assert.Equal(["Falun", "Gotland"], changed.Where(k => k.OfficialName != $"{k.Name}s kommun").Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_seeded_municipal_huvudmän_carry_the_official_names()
    {
        var byKommun = WorldSeed.Huvudman(Sweden).Where(h => h.Type == HuvudmanType.Municipal).ToDictionary(h => h.Kommunkod);
        Assert.Equal("Stockholms kommun", byKommun["0180"].Name);
        Assert.Equal("Region Gotland", byKommun["0980"].Name);
        Assert.Equal("Malmö kommun", byKommun["1280"].Name);
        Assert.Equal("Falu kommun", byKommun["2080"].Name);
    }

    [Fact]
    public void Every_seeded_organisation_number_is_marked_generated()
    {
        // No real register is shipped: the kommuner's 21200… numbers and the independents' 559… numbers are both made up.
        Assert.All(WorldSeed.Huvudman(Sweden), h => Assert.True(h.OrganisationNumberSynthetic, h.Name));
    }

    [Fact]
    public void A_synthetic_huvudman_always_has_a_generated_number_and_a_real_one_keeps_its_own()
    {
        var real = HuvudmanProfile.Create("2120000142", "Stockholms kommun", HuvudmanType.Municipal, "0180", null, 100, false, Sweden);
        var synthetic = HuvudmanProfile.Create("5591000004", "Friskolan AB", HuvudmanType.Independent, "0180", null, 100, true, Sweden);
        var placeholder = HuvudmanProfile.Create("2120001801", "Stockholms kommun", HuvudmanType.Municipal, "0180", null, 100, false, Sweden, organisationNumberSynthetic: true);

        Assert.False(real.OrganisationNumberSynthetic);
        Assert.True(synthetic.OrganisationNumberSynthetic);
        Assert.True(placeholder.OrganisationNumberSynthetic);
    }

    [Fact]
    public void The_first_four_offices_opened_in_autumn_2022_and_all_but_Solna_share_premises_with_SPSM()
    {
        var offices = Sweden.Offices.ToDictionary(o => o.OfficeId);
        Assert.All(["harnosand", "lulea", "solna", "malmo"], id => Assert.InRange(offices[id].Opened, new DateOnly(2022, 9, 1), new DateOnly(2022, 12, 31)));
        Assert.Equal(new DateOnly(2022, 9, 1), offices["harnosand"].Opened);
        Assert.Equal(12, offices["lulea"].Opened.Month);
        Assert.All(["goteborg", "orebro"], id => Assert.InRange(offices[id].Opened, new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 31)));
        Assert.Equal(["solna"], Sweden.Offices.Where(o => !o.SpsmColocated).Select(o => o.OfficeId));
    }
}
