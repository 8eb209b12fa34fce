using System.Text.RegularExpressions;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed partial class TermScheduleCommandTests(SiloFixture silo)
{
    // Four years ahead: no other CLI test books that far out.
    private static readonly int Year = DateTime.UtcNow.Year + 4;

    // Kiruna twice and Gällivare: a night away from Luleå alone, one trip together.
    private static readonly string[] Kommuner = ["2584", "2584", "2523"];

    [GeneratedRegex("Proposal ([0-9a-f-]{36}):")]
    private static partial Regex ProposalId();

    [Fact]
    public async Task Propose_shows_the_trips_and_the_term_and_commit_books_once()
    {
        var kommuner = Kommuner;
        var huvudman = kommuner.Select(_ => TestKeys.OrganisationNumber()).ToArray();
        for (var i = 0; i < huvudman.Length; i++)
        {
            await silo.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest { OrganisationNumber = huvudman[i], Name = $"Fjällskolan {i}", Type = HuvudmanType.Independent, Kommunkod = kommuner[i], Pupils = 300 });
        }

        var proposed = await silo.RunAsync("propose-schedule", "--from", $"{Year}-01-11", "--to", $"{Year}-06-10", "--mode", "on-site", "--huvudman", string.Join(',', huvudman));
        Assert.True(proposed.ExitCode == 0, proposed.ToString());
        Assert.Contains("Trips", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("Fjällskolan 0 → Fjällskolan 1", proposed.Output.Replace("\n", " ", StringComparison.Ordinal).Replace("│", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("The term by month", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("█", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("offices scheduled", proposed.Error, StringComparison.Ordinal);
        var id = ProposalId().Match(proposed.Output).Groups[1].Value;

        var first = await silo.RunAsync("commit-schedule", id);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("3 booked, 0 already booked", first.Output, StringComparison.Ordinal);
        var again = await silo.RunAsync("commit-schedule", id);
        Assert.Contains("0 booked, 3 already booked", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_dates_and_ids_are_refused_naming_the_option()
    {
        var date = await silo.RunAsync("propose-schedule", "--from", $"{Year}-02-30", "--to", $"{Year}-06-10");
        Assert.NotEqual(0, date.ExitCode);
        Assert.Contains("--from", date.Error, StringComparison.Ordinal);
        var period = await silo.RunAsync("propose-schedule", "--from", $"{Year}-06-10", "--to", $"{Year}-01-10");
        Assert.NotEqual(0, period.ExitCode);
        Assert.Contains("to_date", period.Error, StringComparison.Ordinal);
        var id = await silo.RunAsync("commit-schedule", "not-an-id");
        Assert.NotEqual(0, id.ExitCode);
        Assert.Contains("PROPOSAL_ID", id.Error, StringComparison.Ordinal);
    }
}
