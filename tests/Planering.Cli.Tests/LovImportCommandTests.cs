using System.Text.Json;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>
/// <c>planering import lov</c> against the real silo, with the läsårstider Halmstad and Region Gotland publish for
/// 2026/27 (docs/examples/lov-halmstad-gotland-2026-27.csv): all rows or none, a second run writes nothing.
/// </summary>
[Collection(SharedSilo.Name)]
public sealed class LovImportCommandTests(SiloFixture silo)
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "Data", "lov-halmstad-gotland-2026-27.csv");

    private async Task<string> WriteAsync(params string[] lines)
    {
        var path = Path.Combine(silo.Directory, $"lov-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private async Task<LovPeriod> LovAsync(string kommunkod, int year, LovKind kind) =>
        (await silo.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = kommunkod, Year = year })).Periods.Single(p => p.Kind == kind);

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_then_the_published_file_imports_once()
    {
        var lines = await File.ReadAllLinesAsync(Example);
        var before = await LovAsync("1380", 2027, LovKind.Sportlov);

        // Gotland's sportlov moved into 2026, outside läsåret 2026/27: only the server knows that rule, and it refuses the whole call.
        var spoiled = await WriteAsync([.. lines.Take(6), "0980,2026/27,sportlov,2026-03-02,2026-03-06", .. lines.Skip(7)]);
        var refused = await silo.RunAsync("import", "lov", spoiled);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("planering: 1 of 8 rows rejected; nothing was imported", Assert.Single(refused.ErrorLines));
        Assert.Matches(@"│\s+7 │ 0980\s+│ first_day\s+│ must lie in 2027", refused.Output);
        Assert.Equal(before, await LovAsync("1380", 2027, LovKind.Sportlov));

        var dry = await silo.RunAsync("import", "lov", Example, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("Would import: 8 new, 0 changed, 0 unchanged (dry run: nothing written).", dry.Output, StringComparison.Ordinal);
        Assert.Equal(before, await LovAsync("1380", 2027, LovKind.Sportlov));

        var first = await silo.RunAsync("import", "lov", Example);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Read 8 rows from", first.Output, StringComparison.Ordinal);
        Assert.Contains("Imported: 8 new, 0 changed, 0 unchanged; 8 written in one step.", first.Output, StringComparison.Ordinal);
        var sportlov = await LovAsync("1380", 2027, LovKind.Sportlov);
        Assert.Equal(("2027-02-22", "2027-02-26", LovSource.Imported), (sportlov.StartDate, sportlov.EndDate, sportlov.Source));

        var second = await silo.RunAsync("import", "lov", Example, "--json");
        Assert.True(second.ExitCode == 0, second.ToString());
        using var report = JsonDocument.Parse(second.Output);
        Assert.Equal((0, 0, 8, 0), (report.RootElement.GetProperty("new").GetInt32(), report.RootElement.GetProperty("changed").GetInt32(),
            report.RootElement.GetProperty("unchanged").GetInt32(), report.RootElement.GetProperty("written").GetInt32()));
    }

    [Fact]
    public async Task Rows_with_a_bad_shape_are_reported_by_line_and_field_before_anything_is_sent()
    {
        var path = await WriteAsync(
            "kommunkod,school_year,kind,first_day,last_day,organisation_number",
            "2480,2026/27,höstlov,2026-10-26,2026-10-30,",
            "248,2026/28,vinterlov,2026-13-01,2026-10-30,5560360794",
            "2480,2026/27,höstlov,2026-10-19,2026-10-23,");

        var result = await silo.RunAsync("import", "lov", path);

        Assert.Equal(2, result.ExitCode);
        foreach (var field in new[] { "kommunkod", "school_year", "kind", "first_day", "organisation_number" })
        {
            Assert.Matches(@"│\s+3 │ 248\s+│ " + field + " ", result.Output);
        }

        Assert.Matches(@"│\s+4 │ 2480\s+│ kind\s+│ höstlov of 2026/27 for this calendar is already given on line 2", result.Output);
        Assert.Equal("2026-10-26", (await LovAsync("2480", 2026, LovKind.Hostlov)).StartDate);
    }
}
