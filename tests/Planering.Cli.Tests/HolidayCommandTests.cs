using System.Globalization;
using Google.Protobuf;
using Planering.Contracts.V1;

namespace Planering.Cli.Tests;

/// <summary>
/// holidays and set-holiday against the real silo. Each test sets holidays in its own kommun, two years ahead, so the
/// overrides change no other test's calendar.
/// </summary>
[Collection(SharedSilo.Name)]
public sealed class HolidayCommandTests(SiloFixture silo)
{
    private static readonly int Year = DateTime.UtcNow.Year + 2;

    private static string Monday(int week) => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, week, DayOfWeek.Monday)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<LovPeriod> PeriodAsync(string kommunkod, LovKind kind)
    {
        var holidays = await silo.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = kommunkod, Year = Year });
        return Assert.Single(holidays.Periods, p => p.Kind == kind);
    }

    [Fact]
    public async Task Holidays_shows_the_kommuns_lov_periods_by_the_default_rule()
    {
        var result = await silo.RunAsync("holidays", "0180", "--year", $"{Year}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"School holidays (lov) of kommun 0180 in {Year}", result.Output, StringComparison.Ordinal);
        var sportlov = await PeriodAsync("0180", LovKind.Sportlov);
        Assert.Matches($@"│ sportlov\s+│ {sportlov.StartDate} │ {sportlov.EndDate} │\s+\d+ │ default rule", result.Output);
        foreach (var lov in new[] { "påsklov", "sommarlov", "höstlov", "jullov" })
        {
            Assert.Contains($"│ {lov} ", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Set_holiday_by_week_and_by_dates_changes_the_kommuns_calendar_and_shows_it()
    {
        var byWeek = await silo.RunAsync("set-holiday", "2584", "--lov", "sportlov", "--year", $"{Year}", "--week", "11");
        var byDates = await silo.RunAsync("set-holiday", "2584", "--lov", "jullov", "--from", $"{Year}-12-21", "--to", $"{Year + 1}-01-08", "--json");

        Assert.True(byWeek.ExitCode == 0, byWeek.ToString());
        Assert.Matches($@"│ sportlov\s+│ {Monday(11)} │ [\d-]+ │\s+5 │ imported", byWeek.Output);
        var sportlov = await PeriodAsync("2584", LovKind.Sportlov);
        Assert.Equal((Monday(11), true), (sportlov.StartDate, sportlov.Overridden));

        Assert.True(byDates.ExitCode == 0, byDates.ToString());
        var shown = JsonParser.Default.Parse<SchoolHolidays>(byDates.Output);
        Assert.Equal(("2584", Year), (shown.Kommunkod, shown.Year));
        var jullov = await PeriodAsync("2584", LovKind.Jullov);
        Assert.Equal(($"{Year}-12-21", $"{Year + 1}-01-08", true), (jullov.StartDate, jullov.EndDate, jullov.Overridden));
    }

    [Fact]
    public async Task A_week_for_jullov_is_refused_naming_the_option_and_nothing_changes()
    {
        var before = await PeriodAsync("2505", LovKind.Jullov);

        var result = await silo.RunAsync("set-holiday", "2505", "--lov", "jullov", "--year", $"{Year}", "--week", "52");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("planering: --week: sommarlov and jullov last longer than a week: give --from and --to", Assert.Single(result.ErrorLines));
        Assert.Equal(before, await PeriodAsync("2505", LovKind.Jullov));
    }

    [Fact]
    public async Task A_viewer_cannot_set_a_holiday_and_nothing_changes()
    {
        var before = await PeriodAsync("2506", LovKind.Hostlov);

        var result = await CliRunner.RunAsync(
            null, "set-holiday", "2506", "--lov", "höstlov", "--year", $"{Year}", "--week", "43", "--server", silo.Address, "--token", silo.MintToken("cli-viewer", "viewer"));

        Assert.Equal(6, result.ExitCode);
        Assert.StartsWith("planering: PERMISSION_DENIED: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, await PeriodAsync("2506", LovKind.Hostlov));
    }
}
