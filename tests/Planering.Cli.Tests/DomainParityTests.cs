using Planering.Cli.Import;
using Planering.Cli.Input;
using Planering.Domain.Geography;
using Planering.Domain.Registry;

namespace Planering.Cli.Tests;

/// <summary>
/// The CLI checks organisation numbers and positions before it calls, with its own copies of the domain's rules (it
/// sees only the contracts). These tests tie each copy to the domain's definition, so the two cannot drift apart.
/// </summary>
public sealed class DomainParityTests
{
    [Fact]
    public void The_cli_luhn_check_digit_is_the_domains_for_every_nine_digit_prefix_tried()
    {
        var random = new Random(17);
        for (var i = 0; i < 5_000; i++)
        {
            var nine = random.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(OrganisationNumber.CheckDigit(nine), OrganisationNumbers.CheckDigit(nine));
        }
    }

    [Theory]
    [InlineData("2120000142")]
    [InlineData("212000-0142")]
    [InlineData("2120000143")]
    [InlineData("212000014")]
    [InlineData("21200001420")]
    [InlineData("21200a0142")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" 5560160680 ")]
    public void The_cli_accepts_and_refuses_exactly_the_organisation_numbers_the_domain_does(string text)
    {
        var cli = OrganisationNumbers.TryNormalise(text, out var digits, out var cliError);
        var domain = OrganisationNumber.TryParse(text, out var number, out var domainError);
        Assert.Equal(domain, cli);
        Assert.Equal(domain ? number.Value : string.Empty, digits);
        Assert.Equal(domainError ?? string.Empty, cliError);
    }

    [Fact]
    public void The_cli_position_and_size_bounds_are_the_domains()
    {
        Assert.Equal(GeoPosition.MinLatitude, HuvudmanCsv.MinLatitude);
        Assert.Equal(GeoPosition.MaxLatitude, HuvudmanCsv.MaxLatitude);
        Assert.Equal(GeoPosition.MinLongitude, HuvudmanCsv.MinLongitude);
        Assert.Equal(GeoPosition.MaxLongitude, HuvudmanCsv.MaxLongitude);
        Assert.Equal(HuvudmanProfile.MaxPupils, HuvudmanCsv.MaxPupils);
        Assert.Equal(HuvudmanProfile.MaxNameLength, HuvudmanCsv.MaxNameLength);
    }
}
