using System.Globalization;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>
/// The one school calendar over real gRPC: a published calendar imported whole or not at all, the source of each lov,
/// an independent huvudman's own calendar, and the plan's and the forecast's capacity following a kommun's sportlov.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class SchoolCalendarApiTests(ApiFixture api)
{
    /// <summary>
    /// Halmstad's and Region Gotland's läsårstider 2026/27 as their pages publish them (docs/school-calendars.md cites
    /// them): höstlov, sportlov, påsklov and vårtermin of each.
    /// </summary>
    private static readonly string ExampleFile = Path.Combine(AppContext.BaseDirectory, "Data", "lov-halmstad-gotland-2026-27.csv");

    private static readonly Dictionary<string, SchoolCalendarPeriodKind> Kinds = new(StringComparer.Ordinal)
    {
        ["höstlov"] = SchoolCalendarPeriodKind.Hostlov, ["sportlov"] = SchoolCalendarPeriodKind.Sportlov,
        ["påsklov"] = SchoolCalendarPeriodKind.Pasklov, ["vårtermin"] = SchoolCalendarPeriodKind.Vartermin,
    };

    private static List<SchoolCalendarRow> ExampleRows() => File.ReadAllLines(ExampleFile).Skip(1)
        .Select(line => line.Split(','))
        .Select(c => new SchoolCalendarRow { Kommunkod = c[0], SchoolYear = c[1], Kind = Kinds[c[2]], FirstDay = c[3], LastDay = c[4] })
        .ToList();

    private async Task<(SchoolHolidays, SchoolHolidays, SchoolHolidays)> HolidaysAsync() =>
        (await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "1380", Year = 2027 }),
         await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "1380", Year = 2026 }),
         await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "0980", Year = 2027 }));

    [Fact]
    public async Task A_published_calendar_imports_all_or_nothing_and_a_second_run_changes_nothing()
    {
        var rows = ExampleRows();
        Assert.Equal(8, rows.Count);
        var before = await HolidaysAsync();

        // One bad row (Gotland's sportlov given in 2026, outside läsåret 2026/27): refused naming it, nothing changes.
        var spoiled = new ImportSchoolCalendarsRequest { Rows = { rows } };
        spoiled.Rows[5] = spoiled.Rows[5].Clone().With(r => { r.FirstDay = "2026-03-01"; r.LastDay = "2026-03-05"; });
        Assert.Equal(["rows[5].first_day"], await RpcAssert.InvalidFieldsAsync(() => api.Scheduling.ImportSchoolCalendarsAsync(spoiled).ResponseAsync));
        Assert.Equal(before, await HolidaysAsync());

        var dry = await api.Scheduling.ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest { Rows = { rows }, DryRun = true });
        Assert.Equal((8, 0, 0, true), (dry.NewRows, dry.ChangedRows, dry.UnchangedRows, dry.DryRun));
        Assert.Equal(before, await HolidaysAsync());

        var first = await api.Scheduling.ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest { Rows = { rows } });
        Assert.Equal((8, 0, 0), (first.NewRows, first.ChangedRows, first.UnchangedRows));
        var (halmstad2027, halmstad2026, gotland2027) = await HolidaysAsync();
        Assert.Equal(("2027-02-22", "2027-02-26", LovSource.Imported), Of(halmstad2027, LovKind.Sportlov));
        Assert.Equal(("2027-03-29", "2027-04-02", LovSource.Imported), Of(halmstad2027, LovKind.Pasklov));
        Assert.Equal(("2027-06-16", LovSource.Imported), (Of(halmstad2027, LovKind.Sommarlov).Start, Of(halmstad2027, LovKind.Sommarlov).Source));
        Assert.Equal(("2027-01-10", LovSource.Imported), (Of(halmstad2026, LovKind.Jullov).End, Of(halmstad2026, LovKind.Jullov).Source));
        Assert.Equal(LovSource.Default, Of(halmstad2026, LovKind.Sportlov).Source);
        Assert.Equal(("2027-03-01", "2027-03-05", LovSource.Imported), Of(gotland2027, LovKind.Sportlov));
        Assert.Equal(("2027-06-11", LovSource.Imported), (Of(gotland2027, LovKind.Sommarlov).Start, Of(gotland2027, LovKind.Sommarlov).Source));

        var second = await api.Scheduling.ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest { Rows = { rows } });
        Assert.Equal((0, 0, 8, first.CalendarVersion), (second.NewRows, second.ChangedRows, second.UnchangedRows, second.CalendarVersion));
    }

    [Fact]
    public async Task An_independent_huvudman_s_own_calendar_is_its_own_and_its_kommun_keeps_its()
    {
        var huvudman = OrganisationNumber.FromNineDigits($"55{Random.Shared.Next(0, 10_000_000):D7}").Value;
        var row = new SchoolCalendarRow { Kommunkod = "2080", SchoolYear = "2026/27", Kind = SchoolCalendarPeriodKind.Hostlov, FirstDay = "2026-11-02", LastDay = "2026-11-06", OrganisationNumber = huvudman };
        await api.Scheduling.ImportSchoolCalendarsAsync(new ImportSchoolCalendarsRequest { Rows = { row } });

        var own = await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "2080", Year = 2026, OrganisationNumber = huvudman });
        var kommun = await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "2080", Year = 2026 });

        Assert.Equal(("2026-11-02", "2026-11-06", LovSource.Imported), Of(own, LovKind.Hostlov));
        Assert.Equal(("2026-10-26", "2026-10-30", LovSource.Default), Of(kommun, LovKind.Hostlov));
        Assert.Equal(Of(kommun, LovKind.Sportlov), Of(own, LovKind.Sportlov));
    }

    [Fact]
    public async Task The_plan_s_and_the_forecast_s_capacity_follow_a_kommun_s_sportlov_and_the_watch_shows_it()
    {
        // Härnösand's office: move its kommun's sportlov onto the week of its påsklov, so five lov days become working days.
        var year = DateTime.UtcNow.Year;
        var holidays = await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "2280", Year = year });
        var pasklovWeek = ISOWeek.GetWeekOfYear(DateTime.ParseExact(Of(holidays, LovKind.Pasklov).Start, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var sportlovMonth = Of(await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "2280", Year = year + 1 }), LovKind.Sportlov).Start[..7];
        var forecastRequest = new GetCapacityForecastRequest
        {
            Paths = 200, Seed = 11, OfficeIds = { "harnosand", "solna" },
            Parameters = new ForecastParameters { SicknessSd = 0, VacancyRate = 0, ParentalLeaveRate = 0 },
        };
        var planBefore = await api.Planning.GetPlanAsync(new GetPlanRequest());
        var forecastBefore = await api.Forecast.GetCapacityForecastAsync(forecastRequest);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var watch = api.Forecast.WatchCapacityForecast(new WatchCapacityForecastRequest(), cancellationToken: deadline.Token);
        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        var set = await api.Scheduling.SetSchoolCalendarRulesAsync(new SetSchoolCalendarRulesRequest { Kommunkod = "2280", Rule = new KommunLovRule { SportlovWeek = pasklovWeek } });
        try
        {
            Assert.Equal(pasklovWeek, set.Effective.SportlovWeek);
            Assert.Equal(LovSource.KommunRule, Of(await api.Scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = "2280", Year = year }), LovKind.Sportlov).Source);

            CapacityForecast update;
            do
            {
                Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
                update = watch.ResponseStream.Current;
            }
            while (!update.Trigger.Split(',').Contains("school-calendar-rule-changed"));

            var planAfter = await api.Planning.GetPlanAsync(new GetPlanRequest());
            var forecastAfter = await api.Forecast.GetCapacityForecastAsync(forecastRequest);
            Assert.True(Capacity(planAfter, "harnosand") > Capacity(planBefore, "harnosand"), $"{Capacity(planAfter, "harnosand")} > {Capacity(planBefore, "harnosand")}");
            Assert.Equal(Capacity(planBefore, "solna"), Capacity(planAfter, "solna"));
            Assert.True(Month(forecastAfter, "harnosand", sportlovMonth) > Month(forecastBefore, "harnosand", sportlovMonth));
            // Solna's slots are its own calendar's; its hours are bounded by those slots × the mean hours of the huvudmän it
            // has, which the re-plan after Härnösand's change may move, so the slots are what must not change.
            Assert.Equal(Slots(forecastBefore, "solna", sportlovMonth), Slots(forecastAfter, "solna", sportlovMonth));
        }
        finally
        {
            var back = await api.Scheduling.SetSchoolCalendarRulesAsync(new SetSchoolCalendarRulesRequest { Kommunkod = "2280", Rule = new KommunLovRule() });
            Assert.False(back.Set.HasSportlovWeek);
        }

        Assert.Equal(Capacity(planBefore, "harnosand"), Capacity(await api.Planning.GetPlanAsync(new GetPlanRequest()), "harnosand"));
    }

    [Fact]
    public async Task Rules_show_what_ships_with_its_evidence_and_only_a_planner_s_rule_is_set()
    {
        var malmo = await api.Scheduling.GetSchoolCalendarRulesAsync(new GetSchoolCalendarRulesRequest { Kommunkod = "1280" });

        Assert.Equal(PasklovRule.WeekBeforeEaster, malmo.Shipped.PasklovRule);
        Assert.Equal(13, malmo.Shipped.FirstSchoolDayAugust);
        Assert.Contains("malmo.se", malmo.ShippedEvidence, StringComparison.Ordinal);
        Assert.Equal((8, PasklovRule.WeekBeforeEaster, 13, 44), (malmo.Effective.SportlovWeek, malmo.Effective.PasklovRule, malmo.Effective.FirstSchoolDayAugust, malmo.Effective.HostlovWeek));
        Assert.Equal(new KommunLovRule(), malmo.Set);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => api.Scheduling.SetSchoolCalendarRulesAsync(new SetSchoolCalendarRulesRequest { Kommunkod = "1280", Rule = new KommunLovRule { SportlovWeek = 60 } }).ResponseAsync);
        Assert.Equal(malmo, await api.Scheduling.GetSchoolCalendarRulesAsync(new GetSchoolCalendarRulesRequest { Kommunkod = "1280" }));
    }

    private static (string Start, string End, LovSource Source) Of(SchoolHolidays holidays, LovKind kind) =>
        holidays.Periods.Single(p => p.Kind == kind) is var p ? (p.StartDate, p.EndDate, p.Source) : default;

    private static double Capacity(Plan plan, string officeId) => plan.Offices.Single(o => o.OfficeId == officeId).CapacityHours;

    private static double Slots(CapacityForecast forecast, string officeId, string month) =>
        forecast.Offices.Single(o => o.OfficeId == officeId).Months.Single(m => m.Month == month).DialogueCapacity;

    private static double Month(CapacityForecast forecast, string officeId, string month) =>
        forecast.Offices.Single(o => o.OfficeId == officeId).Months.Single(m => m.Month == month).CapacityHours.Mean;
}
