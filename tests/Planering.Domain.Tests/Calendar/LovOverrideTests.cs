using System.Globalization;
using Planering.Domain.Calendar;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Calendar;

public sealed class LovOverrideTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;

    [Fact]
    public void A_week_override_covers_Monday_to_Friday_of_that_ISO_week()
    {
        var lov = LovOverride.ForWeek("0180", 2027, LovKind.Sportlov, 8, Sweden);

        Assert.Equal((Day("2027-02-22"), Day("2027-02-26")), lov.Dates());
    }

    [Fact]
    public void Week_53_exists_only_in_years_that_have_it()
    {
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027 has 52.
        Assert.Equal((Day("2026-12-28"), Day("2027-01-01")), LovOverride.ForWeek("0180", 2026, LovKind.Hostlov, 53, Sweden).Dates());
        var error = PlaneringAssert.Invalid(() => LovOverride.ForWeek("0180", 2027, LovKind.Hostlov, 53, Sweden), "week");
        Assert.Contains("1–52", error.Violations[0].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(54)]
    [InlineData(-1)]
    public void Weeks_outside_1_to_53_are_refused(int week) =>
        PlaneringAssert.Invalid(() => LovOverride.ForWeek("0180", 2026, LovKind.Sportlov, week, Sweden), "week");

    [Theory]
    [InlineData(LovKind.Sommarlov)]
    [InlineData(LovKind.Jullov)]
    public void Sommarlov_and_jullov_cannot_be_given_as_a_week(LovKind kind) =>
        PlaneringAssert.Invalid(() => LovOverride.ForWeek("0180", 2027, kind, 27, Sweden), "week");

    [Fact]
    public void An_end_date_before_the_start_date_is_refused() =>
        PlaneringAssert.Invalid(() => LovOverride.ForDates("0180", 2026, LovKind.Pasklov, Day("2026-04-10"), Day("2026-04-06"), Sweden), "end_date");

    [Fact]
    public void A_one_day_range_is_allowed_and_a_range_longer_than_100_days_is_not()
    {
        Assert.Equal((Day("2026-05-15"), Day("2026-05-15")), LovOverride.ForDates("0180", 2026, LovKind.Pasklov, Day("2026-05-15"), Day("2026-05-15"), Sweden).Dates());
        _ = LovOverride.ForDates("0180", 2026, LovKind.Sommarlov, Day("2026-06-01"), Day("2026-09-08"), Sweden); // 100 days
        PlaneringAssert.Invalid(() => LovOverride.ForDates("0180", 2026, LovKind.Sommarlov, Day("2026-06-01"), Day("2026-09-09"), Sweden), "end_date");
    }

    [Fact]
    public void The_range_must_start_in_the_year_it_overrides() =>
        PlaneringAssert.Invalid(() => LovOverride.ForDates("0180", 2026, LovKind.Jullov, Day("2027-01-02"), Day("2027-01-08"), Sweden), "start_date");

    [Fact]
    public void An_unknown_kommunkod_is_refused() =>
        PlaneringAssert.Invalid(() => LovOverride.ForWeek("9999", 2026, LovKind.Sportlov, 8, Sweden), "kommunkod");

    [Fact]
    public void Every_bad_field_is_named_at_once() =>
        PlaneringAssert.Invalid(() => LovOverride.Create(null, 1800, (LovKind)9, 60, null, null, Sweden), "kommunkod", "year", "kind");

    [Fact]
    public void Week_and_dates_are_alternatives()
    {
        PlaneringAssert.Invalid(() => LovOverride.Create("0180", 2026, LovKind.Sportlov, 8, Day("2026-02-16"), Day("2026-02-20"), Sweden), "week");
        PlaneringAssert.Invalid(() => LovOverride.Create("0180", 2026, LovKind.Sportlov, null, null, null, Sweden), "week");
        PlaneringAssert.Invalid(() => LovOverride.Create("0180", 2026, LovKind.Sportlov, null, Day("2026-02-16"), null, Sweden), "end_date");
        PlaneringAssert.Invalid(() => LovOverride.Create("0180", 2026, LovKind.Sportlov, null, null, Day("2026-02-20"), Sweden), "start_date");
    }

    [Fact]
    public void A_calendar_refuses_out_of_range_rules_naming_each()
    {
        var rules = SchoolHolidayRules.Default with
        {
            HostlovWeek = 0,
            Pasklov = (PasklovRule)7,
            LastSchoolDayJune = 31,
            FirstSchoolDayAugust = 0,
            LastSchoolDayDecember = 32,
            FirstSchoolDayJanuary = 0,
            LateEasterFromAprilDay = 30,
        };

        PlaneringAssert.Invalid(
            () => SchoolHolidayCalendar.Create(Sweden, rules),
            "pasklov_rule", "late_easter_from_april_day", "hostlov_week", "last_school_day_june", "first_school_day_august", "last_school_day_december",
            "first_school_day_january");
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
