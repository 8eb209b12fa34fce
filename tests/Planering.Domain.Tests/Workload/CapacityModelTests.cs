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
        // 21 weekdays less Kristi himmelsfärdsdag (6 May, Easter 28 March + 39): 20 days × 8 h (08–17 less lunch) × 0.6.
        var advisor = new Advisor("a", "A", 1.0, Staffing.Weekdays, []);
        Assert.Equal(96, Model.Hours([advisor], "1480", new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 1)), 9);
    }

    [Fact]
    public void Part_time_absence_and_the_office_kommuns_lov_reduce_capacity()
    {
        var half = new Advisor("h", "H", 0.5, Staffing.Weekdays, []);
        var threeDays = new Advisor("t", "T", 0.6, new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday }, []);
        var away = new Advisor("w", "W", 1.0, Staffing.Weekdays, [new Absence(new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 14), "kurs")]);
        var may = (new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 1));

        Assert.Equal(48, Model.Hours([half], "1480", may.Item1, may.Item2), 9);
        Assert.Equal(13 * 8 * 0.6, Model.Hours([threeDays], "1480", may.Item1, may.Item2), 9); // 13 Mondays–Wednesdays in May 2027
        Assert.Equal(15 * 8 * 0.6, Model.Hours([away], "1480", may.Item1, may.Item2), 9);

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
        var day = 8 * 0.6; // 08:00–17:00 less lunch

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

    [Fact]
    public void Shortened_days_take_their_hours_off_capacity_unless_turned_off()
    {
        var advisor = new Advisor("a", "A", 1.0, Staffing.Weekdays, []);
        var week = (new DateOnly(2027, 4, 26), new DateOnly(2027, 5, 1)); // Mon 26 – Fri 30 April, no lov
        var withRules = Model.Hours([advisor], "1480", week.Item1, week.Item2);
        var without = new CapacityModel(new OfficeWorkingTime(hours: OfficeHours.Default with { ShortenedDays = [] }), SchoolHolidayCalendar.Create(SwedishGeography.Sweden))
            .Hours([advisor], "1480", week.Item1, week.Item2);

        // Valborgsmässoafton falls on a Friday in 2027: 4 hours shorter.
        Assert.Equal(5 * 8 * 0.6, without, 9);
        Assert.Equal(((4 * 8) + 4) * 0.6, withRules, 9);
    }

    [Fact]
    public void Dialogue_slots_are_the_daily_limit_on_bookable_days_with_a_free_pair_capped_by_the_week()
    {
        var pair = WorldSeed.DefaultAdvisors("x", 2);
        var may = (new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 31)); // four whole ISO weeks, Kristi himmelsfärd on Thursday 6 May

        // 2 a day, at most 7 a week: the week of Kristi himmelsfärd has 4 days (8 slots, capped at 7), the others 5 days (7).
        Assert.Equal(28, Model.Dialogues(pair, "1480", may.Item1, may.Item2));

        // One advisor is no pair: nothing can be booked.
        Assert.Equal(0, Model.Dialogues([pair[0]], "1480", may.Item1, may.Item2));

        // Limits of 1 a day and 3 a week: 3 a week.
        var strict = new CapacityModel(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(SwedishGeography.Sweden),
            limits: WorkloadOptions.Default with { MaxDialoguesPerDay = 1, MaxDialoguesPerWeek = 3 });
        Assert.Equal(12, strict.Dialogues(pair, "1480", may.Item1, may.Item2));

        // Sommarlov in the office's kommun: no slots in July.
        Assert.Equal(0, Model.Dialogues(pair, "1480", new DateOnly(2027, 7, 1), new DateOnly(2027, 8, 1)));
    }

    [Fact]
    public void A_partial_week_counts_the_slots_its_days_would_get_as_the_week_fills_from_monday()
    {
        var pair = WorldSeed.DefaultAdvisors("x", 2);

        // Mon 10 – Fri 14 May 2027: 2 + 2 + 2 + 1 fill the week of 7 by Thursday, so Thursday has one and Friday none.
        Assert.Equal(7, Model.Dialogues(pair, "1480", new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 15)));
        Assert.Equal(1, Model.Dialogues(pair, "1480", new DateOnly(2027, 5, 13), new DateOnly(2027, 5, 15)));
        Assert.Equal(0, Model.Dialogues(pair, "1480", new DateOnly(2027, 5, 14), new DateOnly(2027, 5, 15)));
        var months = Model.MonthlyDialogues(pair, "1480", 2027, 5, 2);
        Assert.Equal(Model.Dialogues(pair, "1480", new DateOnly(2027, 5, 1), new DateOnly(2027, 7, 1)), months.Sum());
    }
}
