using System.Text.Json;
using Grpc.Core;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

[Collection(SharedSilo.Name)]
public sealed class ImportCommandTests(SiloFixture silo)
{
    private const string Header = "organisation_number,name,type,kommunkod,latitude,longitude,pupils";

    private async Task<string> WriteAsync(params string[] lines)
    {
        var path = Path.Combine(silo.Directory, $"register-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, [Header, .. lines], new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private async Task<bool> ExistsAsync(string number)
    {
        try
        {
            await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number });
            return true;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_file_with_a_bad_row_imports_nothing_and_reports_the_row()
    {
        var (good, quoted, bad) = (TestKeys.OrganisationNumber(), TestKeys.OrganisationNumber(), TestKeys.WithWrongCheckDigit(TestKeys.OrganisationNumber()));
        var path = await WriteAsync(
            $"{good},Ängsgårdens förskola AB,enskild,2480,,,45",
            $"\"{quoted[..6]}-{quoted[6..]}\",\"Skolföreningen Åsa, Älvsbyn\",INDEPENDENT,2560,65.67,21.0,120",
            $"{bad},Fel kontrollsiffra AB,enskild,2480,,,10");

        var result = await silo.RunAsync("import", "huvudman", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("planering: 1 of 3 rows rejected; nothing was imported", Assert.Single(result.ErrorLines));
        Assert.Matches(@"│\s+4 │ " + bad + @"\s+│ organisation_number │ has a wrong check digit \(Luhn\)", result.Output);
        Assert.False(await ExistsAsync(good));
        Assert.False(await ExistsAsync(quoted));
    }

    [Fact]
    public async Task A_kommunkod_the_server_does_not_know_is_rejected_before_anything_is_written()
    {
        var (good, unknown) = (TestKeys.OrganisationNumber(), TestKeys.OrganisationNumber());
        var path = await WriteAsync($"{good},Norrskolan AB,enskild,2480,,,45", $"{unknown},Ingenstans AB,enskild,9999,,,10");

        var result = await silo.RunAsync("import", "huvudman", path, "--json");

        Assert.Equal(2, result.ExitCode);
        using var report = JsonDocument.Parse(result.Output);
        var rejected = Assert.Single(report.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("row").GetInt32());
        Assert.Equal("kommunkod", rejected.GetProperty("field").GetString());
        Assert.False(await ExistsAsync(good));
    }

    [Fact]
    public async Task A_good_file_imports_real_huvudman_and_a_second_run_changes_nothing()
    {
        var (plain, quoted) = (TestKeys.OrganisationNumber(), TestKeys.OrganisationNumber());
        var path = await WriteAsync(
            $"{plain},Ängsgårdens förskola AB,kommun,2480,,,45",
            $"\"{quoted[..6]}-{quoted[6..]}\",\"Skolföreningen \"\"Åsa\"\", Älvsbyn\",enskild,2560,65.67,21.0,120");

        var first = await silo.RunAsync("import", "huvudman", path);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Imported: 2 new, 0 updated, 0 unchanged; 2 written.", first.Output, StringComparison.Ordinal);

        var imported = await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = quoted });
        Assert.Equal("Skolföreningen \"Åsa\", Älvsbyn", imported.Name);
        Assert.Equal(HuvudmanType.Independent, imported.Type);
        Assert.Equal(65.67, imported.Position.Latitude, 6);
        Assert.Equal(120, imported.Pupils);
        Assert.False(imported.Synthetic);
        Assert.Equal(HuvudmanType.Municipal, (await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = plain })).Type);

        var second = await silo.RunAsync("import", "huvudman", path);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Imported: 0 new, 0 updated, 2 unchanged; 0 written.", second.Output, StringComparison.Ordinal);
        Assert.Equal(imported.UpdatedAt, (await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = quoted })).UpdatedAt);
    }

    [Fact]
    public async Task A_changed_row_is_an_update_and_a_dry_run_writes_nothing()
    {
        var number = TestKeys.OrganisationNumber();
        Assert.Equal(0, (await silo.RunAsync("import", "huvudman", await WriteAsync($"{number},Västerskolan AB,enskild,1980,,,200"))).ExitCode);
        var changed = await WriteAsync($"{number},Västerskolan AB,enskild,1980,,,250");

        var dry = await silo.RunAsync("import", "huvudman", changed, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("Would import: 0 new, 1 updated, 0 unchanged (dry run: nothing written).", dry.Output, StringComparison.Ordinal);
        Assert.Equal(200, (await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number })).Pupils);

        var real = await silo.RunAsync("import", "huvudman", changed);
        Assert.Contains("Imported: 0 new, 1 updated, 0 unchanged; 1 written.", real.Output, StringComparison.Ordinal);
        Assert.Equal(250, (await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number })).Pupils);
    }

    [Fact]
    public async Task A_missing_column_or_file_is_one_line_and_exit_2()
    {
        var path = Path.Combine(silo.Directory, $"bad-header-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "orgnr,name\n1,x\n");

        var header = await silo.RunAsync("import", "huvudman", path);
        var missing = await silo.RunAsync("import", "huvudman", Path.Combine(silo.Directory, "no-such-file.csv"));

        Assert.Equal(2, header.ExitCode);
        Assert.StartsWith("planering: FILE: line 1: missing column(s) organisation_number, type, kommunkod", Assert.Single(header.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
    }
}
