using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class RegistryCommandTests(SiloFixture silo)
{
    /// <summary>Stockholms kommun as the seed keys it: 21200 + kommunkod 0180 + its Luhn digit.</summary>
    private const string Stockholm = "2120001801";

    [Fact]
    public async Task Offices_lists_the_six_seeded_offices_with_their_staff()
    {
        var result = await silo.RunAsync("offices");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var seeded in new[] { "goteborg", "harnosand", "lulea", "malmo", "orebro", "solna" })
        {
            Assert.Contains($"│ {seeded} ", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Luleå (2580)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Norrbottens län", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ all\s+│ \d+ offices", result.Output);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Offices_as_json_is_the_protobuf_response()
    {
        var result = await silo.RunAsync("offices", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var response = JsonParser.Default.Parse<ListOfficesResponse>(result.Output);
        Assert.Contains(response.Offices, o => o.OfficeId == "solna" && o.Advisors.Count > 0 && o.TotalFte > 0);
    }

    [Fact]
    public async Task Huvudman_list_filters_and_pages()
    {
        var first = await silo.RunAsync("huvudman", "list", "--lan", "25", "--type", "kommun", "--page-size", "5");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("5 of 14 huvudmän", first.Output, StringComparison.Ordinal);
        Assert.Contains("more: add --page-token", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("enskild", first.Output, StringComparison.Ordinal);

        var all = await silo.RunAsync("huvudman", "list", "--lan", "25", "--type", "kommun", "--all", "--json");
        var response = JsonParser.Default.Parse<ListHuvudmanResponse>(all.Output);
        Assert.Equal(14, response.Huvudman.Count);
        Assert.All(response.Huvudman, h => Assert.Equal("25", h.Lanskod));
        Assert.Equal(string.Empty, response.NextPageToken);
    }

    [Fact]
    public async Task Huvudman_show_accepts_the_hyphenated_form()
    {
        var result = await silo.RunAsync("huvudman", "show", "212000-1801");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Stockholm (0180)", result.Output, StringComparison.Ordinal);
        Assert.Contains("solna", result.Output, StringComparison.Ordinal);

        var json = JsonParser.Default.Parse<Huvudman>((await silo.RunAsync("huvudman", "show", Stockholm, "--json")).Output);
        Assert.Equal(HuvudmanType.Municipal, json.Type);
        Assert.Equal("01", json.Lanskod);
    }

    [Fact]
    public async Task A_wrong_check_digit_is_refused_before_any_call_in_one_line()
    {
        var result = await silo.RunAsync("huvudman", "show", TestKeys.WithWrongCheckDigit(Stockholm));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("planering: ORGNR: has a wrong check digit (Luhn)", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unknown_huvudman_is_not_found_exit_3()
    {
        var result = await silo.RunAsync("huvudman", "show", TestKeys.OrganisationNumber());

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("planering: NOT_FOUND: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
