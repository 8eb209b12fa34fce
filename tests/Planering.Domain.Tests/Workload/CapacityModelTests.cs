using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Workload;

public sealed class CapacityModelTests
{
    private static readonly CapacityModel Model = new(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(SwedishGeography.Sweden));

    [Fact]
    public void May_2027_in_Goteborg_has_20_bookable_days_of_which_60_percent_go_to_dialogues()
    {
        // 21 weekdays less Kristi himmelsfärdsdag (6 May, Easter 28 March + 39): 20 days × 9 h × 0.6.
        var advisor = new Advisor("a", "A", 1.0, Staffing.Weekdays, []);
        Assert.Equal(108, Model.Hours([advisor], "1480", new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 1)), 9);
    }

    [Fact]
    public void Part_time_absence_and_the_office_kommuns_lov_reduce_capacity()
    {
        var half = new Advisor("h", "H", 0.5, Staffing.Weekdays, []);
        var threeDays = new Advisor("t", "T", 0.6, new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday }, []);
        var away = new Advisor("w", "W", 1.0, Staffing.Weekdays, [new Absence(new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 14), "kurs")]);
        var may = (new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 1));

        Assert.Equal(54, Model.Hours([half], "1480", may.Item1, may.Item2), 9);
        Assert.Equal(13 * 9 * 0.6, Model.Hours([threeDays], "1480", may.Item1, may.Item2), 9); // 13 Mondays–Wednesdays in May 2027
        Assert.Equal(15 * 9 * 0.6, Model.Hours([away], "1480", may.Item1, may.Item2), 9);

        // Week 44 is höstlov everywhere: no dialogues, so no capacity, in the office's kommun.
        Assert.Equal(0, Model.Hours([half], "1480", new DateOnly(2027, 11, 1), new DateOnly(2027, 11, 6)));
    }

    [Fact]
    public void Moving_a_kommun_s_sportlov_moves_its_office_s_capacity_between_months()
    {
        // Härnösand's sportlov is week 10 (8–12 March 2027); a rule moves it to week 15 (12–16 April).
        var calendar = SchoolHolidayCalendar.Create(SwedishGeography.Sweden);
        var moved = new CapacityModel(OfficeWorkingTime.Default, calendar.WithKommunRule("2280", new KommunLovRule { SportlovWeek = 15 }));
        var advisor = new Advisor("a", "A", 1.0, Staffing.Weekdays, []);
        var day = 9 * 0.6;

        var before = new CapacityModel(OfficeWorkingTime.Default, calendar).MonthlyHours([advisor], "2280", 2027, 3, 2);
        var after = moved.MonthlyHours([advisor], "2280", 2027, 3, 2);

        Assert.Equal(before[0] + (5 * day), after[0], 9);
        Assert.Equal(before[1] - (5 * day), after[1], 9);
        Assert.Equal(Model.Hours([advisor], "2280", new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1)), moved.Hours([advisor], "2280", new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1)), 9);
        Assert.Equal(Model.MonthlyHours([advisor], "2281", 2027, 3, 2), moved.MonthlyHours([advisor], "2281", 2027, 3, 2));
    }

    [Fact]
    public void Monthly_hours_follow_the_calendar()
    {
        var advisors = WorldSeed.DefaultAdvisors("x", 2);
        var months = Model.MonthlyHours(advisors, "1480", 2027, 6, 3);
        Assert.Equal(3, months.Count);
        Assert.True(months[1] < months[0] / 3, "July is sommarlov in the office's kommun");
    }
}
