using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class ErrorOutputTests(SiloFixture silo)
{
    [Fact]
    public async Task A_server_that_is_not_running_is_one_line_and_exit_5()
    {
        var nobody = $"http://127.0.0.1:{FreePort.Next()}";
        var result = await CliRunner.RunAsync(null, "offices", "--server", nobody);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"planering: cannot reach the Planering server at {nobody}", line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task The_server_refusing_a_field_names_the_field_in_one_line_and_exit_2()
    {
        var result = await silo.RunAsync("next-slot", "2120001801", "--from", "2099-01-01");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("planering: INVALID_ARGUMENT: earliest_date: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_with_too_few_advisors_is_refused_by_the_server_naming_the_field()
    {
        // How many advisors a dialogue takes is a planning parameter, so the server, not the CLI, counts them.
        var result = await silo.RunAsync("book", "2120001801", "--office", "solna", "--date", "2027-03-08", "--start", "08:00", "--mode", "digital", "--advisors", "solna-1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("planering: INVALID_ARGUMENT: slot.advisor_ids: ", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("offices --bogus")]
    [InlineData("frobnicate")]
    [InlineData("huvudman list --type company")]
    [InlineData("next-slot 2120001801 --from 1-March")]
    [InlineData("book 2120001801 --next --date 2027-03-08")]
    [InlineData("book 2120001801 --office solna --date 2027-03-08 --start 08:00 --mode digital --advisors solna-1,solna-1")]
    [InlineData("forecast --chart forecast.pdf")]
    public async Task Usage_mistakes_are_one_line_and_exit_2(string commandLine)
    {
        var result = await silo.RunAsync(commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("planering: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_and_token_come_from_the_environment_and_the_token_is_what_the_server_checks()
    {
        var viewer = silo.MintToken("cli-viewer", "viewer");
        var variables = new Dictionary<string, string> { ["PLANERING_SERVER"] = silo.Address, ["PLANERING_TOKEN"] = viewer };
        var result = await CliRunner.RunAsync(variables, "offices", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());

        // --token wins over the environment: a forged one is refused as such.
        var forged = await CliRunner.RunAsync(variables, "offices", "--token", viewer[..^4] + "AAAA");
        Assert.Equal(6, forged.ExitCode);
        Assert.StartsWith("planering: UNAUTHENTICATED: ", Assert.Single(forged.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("[TOKEN_INVALID", forged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_one_line_that_says_how_to_get_one_and_exit_6()
    {
        var result = await CliRunner.RunAsync(null, "offices", "--server", silo.Address);

        Assert.Equal(6, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("planering: UNAUTHENTICATED: ", line, StringComparison.Ordinal);
        Assert.Contains("[TOKEN_MISSING", line, StringComparison.Ordinal);
        Assert.Contains("PLANERING_TOKEN", line, StringComparison.Ordinal);
        Assert.Contains("mint-token", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_cannot_book_and_nothing_is_booked()
    {
        var before = await silo.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { HuvudmanId = "2120001801" });

        var result = await CliRunner.RunAsync(
            null, "book", "2120001801", "--next", "--from", "2027-05-03", "--server", silo.Address, "--token", silo.MintToken("cli-viewer", "viewer"));

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("planering: PERMISSION_DENIED: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("ROLE_REQUIRED", result.Error, StringComparison.Ordinal);
        var after = await silo.Scheduling.ListDialoguesAsync(new ListDialoguesRequest { HuvudmanId = "2120001801" });
        Assert.Equal(before.Dialogues.Count, after.Dialogues.Count);
    }
}

/// <summary>A secret is never printed: help shows where a token comes from, never the token.</summary>
public sealed class SecretOutputTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("offices --help")]
    [InlineData("book --help")]
    public async Task Help_never_prints_the_token_from_the_environment(string args)
    {
        const string Secret = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1zaG93";
        var result = await CliRunner.RunAsync(new Dictionary<string, string> { ["PLANERING_TOKEN"] = Secret }, args.Split(' '));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--token", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", result.Output + result.Error, StringComparison.Ordinal);
    }
}
