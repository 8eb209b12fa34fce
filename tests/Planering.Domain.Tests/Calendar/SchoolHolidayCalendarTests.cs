using System.Globalization;
using Planering.Domain.Calendar;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Calendar;

public sealed class SchoolHolidayCalendarTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SchoolHolidayCalendar Defaults = SchoolHolidayCalendar.Create(Sweden);

    [Fact]
    public void Stockholm_2026_has_the_default_lov()
    {
        Assert.Equal(
            [
                (LovKind.Sportlov, "2026-02-23", "2026-02-27"), // Stockholms län: week 9
                (LovKind.Pasklov, "2026-04-06", "2026-04-10"),  // Easter Sunday 5 April is not late: the week after
                (LovKind.Sommarlov, "2026-06-12", "2026-08-17"), // last school day Thursday 11 June, first Tuesday 18 August
                (LovKind.Hostlov, "2026-10-26", "2026-10-30"),  // week 44
                (LovKind.Jullov, "2026-12-19", "2027-01-07"),   // last school day Friday 18 December, first Friday 8 January
            ],
            Describe(Defaults.LovPeriods("0180", 2026)));
        Assert.All(Defaults.LovPeriods("0180", 2026), p => Assert.Equal(LovSource.Default, p.Source));
    }

    [Fact]
    public void Stockholm_2027_follows_the_earlier_Easter()
    {
        Assert.Equal(
            [
                (LovKind.Sportlov, "2027-03-01", "2027-03-05"),
                (LovKind.Pasklov, "2027-03-29", "2027-04-02"),  // Easter Sunday 28 March, annandag påsk 29 March
                (LovKind.Sommarlov, "2027-06-11", "2027-08-17"), // Thursday 10 June; Wednesday 18 August
                (LovKind.Hostlov, "2027-11-01", "2027-11-05"),
                (LovKind.Jullov, "2027-12-18", "2028-01-09"),   // 19 December is a Sunday: Friday 17th; 8 January a Saturday: Monday 10th
            ],
            Describe(Defaults.LovPeriods("0180", 2027)));
    }

    [Theory]
    [InlineData("1280", "2026-02-16")] // Malmö, Skåne län: week 8
    [InlineData("1480", "2026-02-09")] // Göteborg: week 7
    [InlineData("0180", "2026-02-23")] // Stockholm: week 9
    [InlineData("2580", "2026-03-02")] // Luleå, Norrbottens län: week 10
    public void Sportlov_defaults_to_the_week_of_the_kommun_or_its_lan(string kommunkod, string monday)
    {
        var sportlov = Defaults.LovPeriods(kommunkod, 2026).Single(p => p.Kind == LovKind.Sportlov);

        Assert.Equal(Day(monday), sportlov.Start);
        Assert.Equal(Day(monday).AddDays(4), sportlov.End);
        Assert.Equal(5, sportlov.DayCount);
    }

    [Fact]
    public void Every_kommun_gets_five_lov_with_sportlov_in_its_own_or_its_lan_s_week()
    {
        foreach (var kommun in Sweden.Kommuner)
        {
            var periods = Defaults.LovPeriods(kommun.Kommunkod, 2026);
            Assert.Equal([LovKind.Sportlov, LovKind.Pasklov, LovKind.Sommarlov, LovKind.Hostlov, LovKind.Jullov], periods.Select(p => p.Kind));
            var week = SchoolCalendarDefaults.RuleOf(kommun.Kommunkod).SportlovWeek ?? Sweden.LanOf(kommun.Kommunkod).SportlovWeek;
            Assert.Equal(week, IsoWeeks.WeekOf(periods[0].Start));
        }
    }

    [Fact]
    public void An_imported_sportlov_moves_that_lov_only_and_says_it_is_imported()
    {
        var calendar = Defaults.Import([LovOverride.ForWeek("0180", 2027, LovKind.Sportlov, 8, Sweden).ToEntry()]).Calendar;

        var stockholm = calendar.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Sportlov);
        Assert.Equal((Day("2027-02-22"), Day("2027-02-26"), LovSource.Imported), (stockholm.Start, stockholm.End, stockholm.Source));

        // Solna is in the same län, and Stockholm's other years keep the default.
        Assert.Equal(Day("2027-03-01"), calendar.LovPeriods("0184", 2027).Single(p => p.Kind == LovKind.Sportlov).Start);
        Assert.Equal(Day("2026-02-23"), calendar.LovPeriods("0180", 2026).Single(p => p.Kind == LovKind.Sportlov).Start);

        // The calendar imported into is unchanged.
        Assert.Equal(Day("2027-03-01"), Defaults.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Sportlov).Start);
        Assert.Empty(Defaults.Entries);
        Assert.Single(calendar.Entries);
    }

    [Fact]
    public void An_imported_jullov_replaces_the_default_one()
    {
        var calendar = SchoolHolidayCalendar.Create(
            Sweden, entries: [LovOverride.ForDates("1480", 2026, LovKind.Jullov, Day("2026-12-19"), Day("2027-01-10"), Sweden).ToEntry()]);

        Assert.True(calendar.IsSchoolHoliday("1480", Day("2027-01-08"), out var lov));
        Assert.Equal((LovKind.Jullov, Day("2026-12-19"), LovSource.Imported), (lov.Kind, lov.Start, lov.Source));
        Assert.False(Defaults.IsSchoolHoliday("1480", Day("2027-01-08"), out _));
    }

    [Fact]
    public void Imported_terms_give_sommarlov_and_jullov_their_edges()
    {
        var import = Defaults.Import(
        [
            SchoolCalendarEntry.Create("0180", null, 2026, SchoolCalendarPeriodKind.Hosttermin, Day("2026-08-20"), Day("2026-12-22"), Sweden),
            SchoolCalendarEntry.Create("0180", null, 2026, SchoolCalendarPeriodKind.Vartermin, Day("2027-01-12"), Day("2027-06-16"), Sweden),
        ]);

        var periods = import.Calendar.LovPeriods("0180", 2026);
        Assert.Equal((Day("2026-06-12"), Day("2026-08-19"), LovSource.Imported), Of(periods, LovKind.Sommarlov));
        Assert.Equal((Day("2026-12-23"), Day("2027-01-11"), LovSource.Imported), Of(periods, LovKind.Jullov));
        Assert.Equal((Day("2027-06-17"), Day("2027-08-17"), LovSource.Imported), Of(import.Calendar.LovPeriods("0180", 2027), LovKind.Sommarlov));
        Assert.Equal((2, 0, 0), (import.New, import.Changed, import.Unchanged));
    }

    [Fact]
    public void Importing_the_same_rows_again_changes_nothing_and_a_changed_row_replaces_its_predecessor()
    {
        var week8 = LovOverride.ForWeek("0180", 2027, LovKind.Hostlov, 43, Sweden).ToEntry();
        var first = Defaults.Import([week8]);
        var again = first.Calendar.Import([week8]);
        var moved = first.Calendar.Import([LovOverride.ForWeek("0180", 2027, LovKind.Hostlov, 45, Sweden).ToEntry()]);

        Assert.Same(first.Calendar, again.Calendar);
        Assert.Equal((0, 0, 1), (again.New, again.Changed, again.Unchanged));
        Assert.Equal((0, 1, 0), (moved.New, moved.Changed, moved.Unchanged));
        Assert.Single(moved.Calendar.Entries);
        Assert.Equal(Day("2027-11-08"), moved.Calendar.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Hostlov).Start);
    }

    [Fact]
    public void An_import_with_one_bad_row_is_refused_whole_naming_the_row_and_field()
    {
        var good = SchoolCalendarEntry.Create("1380", null, 2026, SchoolCalendarPeriodKind.Hostlov, Day("2026-10-26"), Day("2026-10-30"), Sweden);
        var wrongYear = good with { Kind = SchoolCalendarPeriodKind.Sportlov };       // a sportlov of 2026/27 lies in 2027
        var backwards = good with { Kind = SchoolCalendarPeriodKind.Jullov, FirstDay = Day("2026-12-22"), LastDay = Day("2026-12-01") };

        PlaneringAssert.Invalid(() => Defaults.Import([good, wrongYear, backwards]), "rows[1].first_day", "rows[2].last_day");
        PlaneringAssert.Invalid(() => Defaults.Import([good, good]), "rows[1].kind");
        PlaneringAssert.Invalid(() => Defaults.Import([good with { Kommunkod = "9999", OrganisationNumber = "5560000000" }]), "rows[0].kommunkod", "rows[0].organisation_number");
        Assert.Empty(Defaults.Entries);
    }

    [Fact]
    public void An_independent_huvudman_s_own_calendar_applies_to_it_and_not_to_its_kommun()
    {
        var own = SchoolCalendarEntry.Create("0180", "5560360793", 2026, SchoolCalendarPeriodKind.Pasklov, Day("2027-03-22"), Day("2027-03-26"), Sweden);
        var calendar = Defaults.Import([own]).Calendar;

        Assert.True(calendar.IsSchoolHoliday("0180", "5560360793", Day("2027-03-23"), out var lov));
        Assert.Equal(LovSource.Imported, lov.Source);
        Assert.False(calendar.IsSchoolHoliday("0180", Day("2027-03-23"), out _));
        Assert.False(calendar.IsSchoolHoliday("0180", "5560360793", Day("2027-03-30"), out _));

        // Everything it did not import is its kommun's: the sportlov, and the kommun's påsklov for another huvudman.
        Assert.Equal(Day("2027-03-01"), calendar.LovPeriods("0180", 2027, "5560360793").Single(p => p.Kind == LovKind.Sportlov).Start);
        Assert.True(calendar.IsSchoolHoliday("0180", "2120000142", Day("2027-03-30"), out _));
    }

    [Fact]
    public void A_kommun_rule_moves_its_lov_says_so_and_empty_goes_back_to_the_default()
    {
        var rule = new KommunLovRule { SportlovWeek = 8, Pasklov = PasklovRule.FixedWeek, PasklovWeek = 15, FirstSchoolDayAugust = 20 };
        var calendar = Defaults.WithKommunRule("0180", rule);

        var periods = calendar.LovPeriods("0180", 2027);
        Assert.Equal((Day("2027-02-22"), Day("2027-02-26"), LovSource.KommunRule), Of(periods, LovKind.Sportlov));
        Assert.Equal((Day("2027-04-12"), Day("2027-04-16"), LovSource.KommunRule), Of(periods, LovKind.Pasklov));
        Assert.Equal((Day("2027-06-11"), Day("2027-08-19"), LovSource.KommunRule), Of(periods, LovKind.Sommarlov));
        Assert.Equal(LovSource.Default, periods.Single(p => p.Kind == LovKind.Hostlov).Source);
        Assert.Equal(Day("2027-03-01"), Defaults.LovPeriods("0180", 2027)[0].Start);

        var back = calendar.WithKommunRule("0180", KommunLovRule.None);
        Assert.Equal(Describe(Defaults.LovPeriods("0180", 2027)), Describe(back.LovPeriods("0180", 2027)));
        Assert.Empty(back.KommunRules);
    }

    [Fact]
    public void A_kommun_rule_with_bad_settings_is_refused_naming_each()
    {
        PlaneringAssert.Invalid(
            () => Defaults.WithKommunRule("0180", new KommunLovRule { SportlovWeek = 60, Pasklov = PasklovRule.FixedWeek, LastSchoolDayJune = 31, FirstSchoolDayJanuary = 1 }),
            "sportlov_week", "pasklov_week", "last_school_day_june", "first_school_day_january");
        PlaneringAssert.Invalid(() => Defaults.WithKommunRule("9999", KommunLovRule.None), "kommunkod");
    }

    [Theory]
    [InlineData("2026-01-05", LovKind.Jullov, "2025-12-20")] // last year's jullov reaches into January
    [InlineData("2026-01-07", LovKind.Jullov, "2025-12-20")]
    [InlineData("2026-02-25", LovKind.Sportlov, "2026-02-23")]
    [InlineData("2026-04-06", LovKind.Pasklov, "2026-04-06")]
    [InlineData("2026-06-12", LovKind.Sommarlov, "2026-06-12")] // schools are closed: not bookable
    [InlineData("2026-08-17", LovKind.Sommarlov, "2026-06-12")]
    [InlineData("2026-10-30", LovKind.Hostlov, "2026-10-26")]
    [InlineData("2026-12-31", LovKind.Jullov, "2026-12-19")]
    [InlineData("2027-01-07", LovKind.Jullov, "2026-12-19")]
    public void Lov_days_are_school_holidays(string date, LovKind kind, string start)
    {
        Assert.True(Defaults.IsSchoolHoliday("0180", Day(date), out var lov));
        Assert.Equal(kind, lov.Kind);
        Assert.Equal(Day(start), lov.Start);
    }

    [Theory]
    [InlineData("2026-01-08")]
    [InlineData("2026-02-20")]
    [InlineData("2026-02-28")] // the Saturday after sportlov: no school, but no lov either
    [InlineData("2026-04-03")] // långfredagen is a holiday, not påsklov, under the default rule
    [InlineData("2026-06-11")] // the last school day
    [InlineData("2026-08-18")] // the first school day
    [InlineData("2026-11-02")]
    [InlineData("2026-12-18")] // the last school day before jullov
    public void School_days_are_not_school_holidays(string date)
    {
        Assert.False(Defaults.IsSchoolHoliday("0180", Day(date), out var lov));
        Assert.Null(lov);
    }

    [Fact]
    public void The_default_school_year_keeps_the_178_school_days_the_school_ordinance_requires()
    {
        // School year 2026/27: from the first school day after sommarlov 2026 to the last before sommarlov 2027.
        var holidays = SwedishHolidays.Default;
        var schoolDays = 0;
        for (var day = Day("2026-08-18"); day <= Day("2027-06-10"); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !holidays.IsHoliday(day)
                && !Defaults.IsSchoolHoliday("0180", day, out _))
            {
                schoolDays++;
            }
        }

        // Counted independently, by a script over the same dates, lov and holidays: 182.
        Assert.Equal(182, schoolDays);
        Assert.True(schoolDays >= 178);
    }

    [Fact]
    public void Configured_national_rules_change_pasklov_jullov_hostlov_and_sommarlov()
    {
        var rules = SchoolHolidayRules.Default with
        {
            Pasklov = PasklovRule.WeekBeforeEaster,
            HostlovWeek = 43,
            LastSchoolDayDecember = 22,
            FirstSchoolDayJanuary = 11,
            LastSchoolDayJune = 16,
            LastSchoolDayWeekday = DayOfWeek.Friday,
            FirstSchoolDayAugust = 20,
        };
        var calendar = SchoolHolidayCalendar.Create(Sweden, rules);

        Assert.Equal(
            [
                (LovKind.Sportlov, "2026-02-23", "2026-02-27"),
                (LovKind.Pasklov, "2026-03-30", "2026-04-03"), // stilla veckan, ending on långfredagen
                (LovKind.Sommarlov, "2026-06-13", "2026-08-19"),
                (LovKind.Hostlov, "2026-10-19", "2026-10-23"),
                (LovKind.Jullov, "2026-12-23", "2027-01-10"),
            ],
            Describe(calendar.LovPeriods("0180", 2026)));
        Assert.Same(rules, calendar.Rules);
    }

    [Fact]
    public void The_first_days_of_1900_have_no_lov_from_the_unsupported_1899()
    {
        Assert.False(Defaults.IsSchoolHoliday("0180", Day("1900-01-02"), out _));
        Assert.True(Defaults.IsSchoolHoliday("0180", Day("2200-12-31"), out var lov));
        Assert.Equal(LovKind.Jullov, lov.Kind);
    }

    [Fact]
    public void Unknown_kommuner_and_unsupported_years_are_refused_with_the_field_named()
    {
        PlaneringAssert.Invalid(() => Defaults.LovPeriods("9999", 2026), "kommunkod");
        PlaneringAssert.Invalid(() => Defaults.LovPeriods("0180", 2201), "year");
        PlaneringAssert.Invalid(() => Defaults.IsSchoolHoliday("018", Day("2026-02-23"), out _), "kommunkod");
        PlaneringAssert.Invalid(() => Defaults.IsSchoolHoliday("0180", Day("1899-12-31"), out _), "date");
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<(LovKind, string, string)> Describe(IEnumerable<LovPeriod> periods) =>
        periods.Select(p => (p.Kind, Text(p.Start), Text(p.End)));

    private static (DateOnly, DateOnly, LovSource) Of(IEnumerable<LovPeriod> periods, LovKind kind) =>
        periods.Single(p => p.Kind == kind) is var p ? (p.Start, p.End, p.Source) : default;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
