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
                (LovKind.Pasklov, "2026-04-06", "2026-04-10"),  // Easter Sunday 5 April
                (LovKind.Sommarlov, "2026-06-15", "2026-08-14"),
                (LovKind.Hostlov, "2026-10-26", "2026-10-30"),  // week 44
                (LovKind.Jullov, "2026-12-21", "2027-01-07"),
            ],
            Describe(Defaults.LovPeriods("0180", 2026)));
        Assert.All(Defaults.LovPeriods("0180", 2026), p => Assert.False(p.Overridden));
    }

    [Fact]
    public void Stockholm_2027_follows_the_earlier_Easter()
    {
        Assert.Equal(
            [
                (LovKind.Sportlov, "2027-03-01", "2027-03-05"),
                (LovKind.Pasklov, "2027-03-29", "2027-04-02"),  // Easter Sunday 28 March, annandag påsk 29 March
                (LovKind.Sommarlov, "2027-06-14", "2027-08-13"),
                (LovKind.Hostlov, "2027-11-01", "2027-11-05"),
                (LovKind.Jullov, "2027-12-21", "2028-01-07"),
            ],
            Describe(Defaults.LovPeriods("0180", 2027)));
    }

    [Theory]
    [InlineData("1280", "2026-02-09")] // Malmö, Skåne län: week 7
    [InlineData("1480", "2026-02-16")] // Göteborg, Västra Götalands län: week 8
    [InlineData("0180", "2026-02-23")] // Stockholm: week 9
    [InlineData("2580", "2026-03-02")] // Luleå, Norrbottens län: week 10
    public void Sportlov_defaults_to_the_week_of_the_kommun_s_lan(string kommunkod, string monday)
    {
        var sportlov = Defaults.LovPeriods(kommunkod, 2026).Single(p => p.Kind == LovKind.Sportlov);

        Assert.Equal(Day(monday), sportlov.Start);
        Assert.Equal(Day(monday).AddDays(4), sportlov.End);
        Assert.Equal(5, sportlov.DayCount);
    }

    [Fact]
    public void Every_kommun_gets_five_lov_with_sportlov_in_its_lan_s_week()
    {
        foreach (var kommun in Sweden.Kommuner)
        {
            var periods = Defaults.LovPeriods(kommun.Kommunkod, 2026);
            Assert.Equal([LovKind.Sportlov, LovKind.Pasklov, LovKind.Sommarlov, LovKind.Hostlov, LovKind.Jullov], periods.Select(p => p.Kind));
            Assert.Equal(Sweden.LanOf(kommun.Kommunkod).SportlovWeek, IsoWeeks.WeekOf(periods[0].Start));
        }
    }

    [Fact]
    public void A_kommun_s_week_override_moves_its_sportlov_and_only_that_one()
    {
        var calendar = Defaults.WithOverride(LovOverride.ForWeek("0180", 2027, LovKind.Sportlov, 8, Sweden));

        var stockholm = calendar.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Sportlov);
        Assert.Equal((Day("2027-02-22"), Day("2027-02-26"), true), (stockholm.Start, stockholm.End, stockholm.Overridden));

        // Solna is in the same län, and Stockholm's other years keep the default.
        Assert.Equal(Day("2027-03-01"), calendar.LovPeriods("0184", 2027).Single(p => p.Kind == LovKind.Sportlov).Start);
        Assert.Equal(Day("2026-02-23"), calendar.LovPeriods("0180", 2026).Single(p => p.Kind == LovKind.Sportlov).Start);

        // The calendar the override was added to is unchanged.
        Assert.Equal(Day("2027-03-01"), Defaults.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Sportlov).Start);
        Assert.Empty(Defaults.Overrides);
        Assert.Single(calendar.Overrides);
    }

    [Fact]
    public void A_date_range_override_replaces_the_default_jullov()
    {
        var calendar = SchoolHolidayCalendar.Create(
            Sweden,
            overrides: [LovOverride.ForDates("1480", 2026, LovKind.Jullov, Day("2026-12-19"), Day("2027-01-10"), Sweden)]);

        Assert.True(calendar.IsSchoolHoliday("1480", Day("2027-01-08"), out var lov));
        Assert.Equal((LovKind.Jullov, Day("2026-12-19"), true), (lov.Kind, lov.Start, lov.Overridden));
        Assert.False(Defaults.IsSchoolHoliday("1480", Day("2027-01-08"), out _));
    }

    [Fact]
    public void A_later_override_of_the_same_lov_replaces_the_earlier_and_removing_it_restores_the_default()
    {
        var first = Defaults.WithOverride(LovOverride.ForWeek("0180", 2027, LovKind.Hostlov, 43, Sweden));
        var second = first.WithOverride(LovOverride.ForWeek("0180", 2027, LovKind.Hostlov, 45, Sweden));
        var removed = second.WithoutOverride("0180", 2027, LovKind.Hostlov);

        Assert.Single(second.Overrides);
        Assert.Equal(Day("2027-11-08"), second.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Hostlov).Start);
        Assert.Empty(removed.Overrides);
        Assert.Equal(Day("2027-11-01"), removed.LovPeriods("0180", 2027).Single(p => p.Kind == LovKind.Hostlov).Start);
        Assert.Same(Defaults, Defaults.WithoutOverride("0180", 2027, LovKind.Hostlov));
    }

    [Theory]
    [InlineData("2026-01-05", LovKind.Jullov, "2025-12-21")] // last year's jullov reaches into January
    [InlineData("2026-01-07", LovKind.Jullov, "2025-12-21")]
    [InlineData("2026-02-25", LovKind.Sportlov, "2026-02-23")]
    [InlineData("2026-04-06", LovKind.Pasklov, "2026-04-06")]
    [InlineData("2026-06-15", LovKind.Sommarlov, "2026-06-15")]
    [InlineData("2026-08-14", LovKind.Sommarlov, "2026-06-15")]
    [InlineData("2026-10-30", LovKind.Hostlov, "2026-10-26")]
    [InlineData("2026-12-31", LovKind.Jullov, "2026-12-21")]
    [InlineData("2027-01-07", LovKind.Jullov, "2026-12-21")]
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
    [InlineData("2026-06-12")] // the last school day
    [InlineData("2026-08-17")] // the first school day
    [InlineData("2026-11-02")]
    [InlineData("2026-12-18")]
    public void School_days_are_not_school_holidays(string date)
    {
        Assert.False(Defaults.IsSchoolHoliday("0180", Day(date), out var lov));
        Assert.Null(lov);
    }

    [Fact]
    public void The_default_school_year_keeps_the_178_school_days_the_school_ordinance_requires()
    {
        // School year 2026/27: from the first Monday after sommarlov 2026 to the day before sommarlov 2027.
        var holidays = SwedishHolidays.Default;
        var schoolDays = 0;
        for (var day = Day("2026-08-17"); day < Day("2027-06-14"); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !holidays.IsHoliday(day)
                && !Defaults.IsSchoolHoliday("0180", day, out _))
            {
                schoolDays++;
            }
        }

        // By hand: 17 Aug 2026–11 Jun 2027 is 43 weeks, 215 weekdays; the lov take 29 of them (höstlov 5, jullov 14,
        // sportlov 5, påsklov 5) and långfredagen (26 Mar) and Kristi himmelsfärdsdag (6 May) two more.
        Assert.Equal(184, schoolDays);
        Assert.True(schoolDays >= 178);
    }

    [Fact]
    public void Configured_rules_change_pasklov_jullov_hostlov_and_sommarlov()
    {
        var rules = SchoolHolidayRules.Default with
        {
            Pasklov = PasklovRule.WeekBeforeEaster,
            HostlovWeek = 43,
            JullovStartDecemberDay = 20,
            JullovEndJanuaryDay = 10,
            SommarlovStartJuneDay = 16,
            SchoolStartAugustDay = 20,
        };
        var calendar = SchoolHolidayCalendar.Create(Sweden, rules);

        Assert.Equal(
            [
                (LovKind.Sportlov, "2026-02-23", "2026-02-27"),
                (LovKind.Pasklov, "2026-03-30", "2026-04-03"), // stilla veckan, ending on långfredagen
                (LovKind.Sommarlov, "2026-06-22", "2026-08-21"),
                (LovKind.Hostlov, "2026-10-19", "2026-10-23"),
                (LovKind.Jullov, "2026-12-20", "2027-01-10"),
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

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
