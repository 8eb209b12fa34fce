using Planering.Domain.Calendar;
using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Scheduling;

public sealed class SlotSearchTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SlotSearch Search = new(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(Sweden), WorkloadModel.Default);

    private static readonly SchedulingOffice Solna = new("solna", Sweden.Kommun("0184").Position, Advisors("solna", 2));

    private static List<Advisor> Advisors(string office, int count, IReadOnlyList<Absence>? absences = null) =>
        Enumerable.Range(1, count).Select(n => new Advisor($"{office}-{n}", $"R{n}", 1.0, Staffing.Weekdays, n == 1 ? absences ?? [] : [])).ToList();

    private static SchedulingHuvudman Huvudman(string kommunkod, int pupils = 500, DateOnly? last = null, params DateOnly[] blocked) =>
        new($"h-{kommunkod}", $"H {kommunkod}", kommunkod, Sweden.Kommun(kommunkod).Position, pupils, last, blocked.ToHashSet());

    private static SlotQuery Query(SchedulingHuvudman huvudman, DateOnly earliest, DateOnly? today = null, SchedulingOffice? office = null, params DialogueMode[] modes) =>
        new(huvudman, office ?? Solna, modes.Length == 0 ? [DialogueMode.Digital] : modes, earliest, 365, false, today ?? earliest.AddDays(-60));

    private static Booking BookingOf(FoundSlot slot, string id) =>
        new(id, id, "other", "Other", slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.Mode, slot.AdvisorIds,
            slot.TravelMinutesOneWay, slot.Effort.DialogueHours, slot.Effort.PreparationHours, false, DateTimeOffset.UnixEpoch);

    private static RejectionSummary Rejected(SlotSearchResult result, RejectionCode code) => Assert.Single(result.Rejections, r => r.Code == code);

    [Fact]
    public void A_Stockholm_slot_in_its_sportlov_week_is_rejected_and_the_next_week_is_offered()
    {
        // Stockholm's sportlov is ISO week 9: 1–5 March 2027.
        var result = Search.FindEarliest(Query(Huvudman("0180"), new DateOnly(2027, 3, 1)), new OfficeSchedule([]));

        Assert.Equal(new DateOnly(2027, 3, 8), result.Slot!.Date);
        var lov = Rejected(result, RejectionCode.SchoolHoliday);
        Assert.Equal((5, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5)), (lov.Days, lov.FirstDate, lov.LastDate));
        Assert.Equal("sportlov", lov.Example);
        Assert.Equal(2, Rejected(result, RejectionCode.NonWorkingDay).Days);
    }

    [Fact]
    public void No_office_can_be_earlier_when_only_rules_common_to_every_office_closed_the_days_before_and_the_slot_opens_the_day()
    {
        // Sportlov and the weekend close 1–7 March 2027 everywhere; the empty office offers Monday 08:00, the day's start.
        var result = Search.FindEarliest(Query(Huvudman("0180"), new DateOnly(2027, 3, 1)), new OfficeSchedule([]));

        Assert.Equal((new DateOnly(2027, 3, 8), 8 * 60), (result.Slot!.Date, result.Slot.StartMinute));
        Assert.Equal(EarlierElsewhere.None, result.EarlierElsewhere);

        // Digital or on site: the digital 08:00 start wins, and nothing starts before the working day.
        var either = Search.FindEarliest(Query(Huvudman("0180"), new DateOnly(2027, 3, 1), null, null, DialogueMode.Digital, DialogueMode.OnSite), new OfficeSchedule([]));
        Assert.Equal(EarlierElsewhere.None, either.EarlierElsewhere);
    }

    [Fact]
    public void Another_office_may_be_earlier_when_this_office_s_own_rules_closed_a_day_or_the_slot_starts_later_than_it_had_to()
    {
        var monday = new DateOnly(2027, 3, 8);
        var stockholm = Huvudman("0180");

        // The advisors are busy on Monday morning: the slot starts later that day.
        var first = Search.FindEarliest(Query(stockholm, monday), new OfficeSchedule([])).Slot!;
        var afterBooking = Search.FindEarliest(Query(Huvudman("0181"), monday), new OfficeSchedule([BookingOf(first, "taken")]));
        Assert.Equal(monday, afterBooking.Slot!.Date);
        Assert.True(afterBooking.Slot.StartMinute > 8 * 60);
        Assert.Equal(EarlierElsewhere.AnyOffice, afterBooking.EarlierElsewhere);

        // An advisor is away on Monday: the office's own rule closes it, Tuesday 08:00 is offered.
        var away = new SchedulingOffice("solna", Solna.Position, Advisors("solna", 2, [new Absence(monday, monday, "kurs")]));
        var absent = Search.FindEarliest(Query(stockholm, monday, office: away), new OfficeSchedule([]));
        Assert.Equal((monday.AddDays(1), 8 * 60), (absent.Slot!.Date, absent.Slot.StartMinute));
        Assert.Equal(EarlierElsewhere.AnyOffice, absent.EarlierElsewhere);

        // On site, the trip comes first: it starts when this office's travel allows, so only a nearer office could be earlier.
        var onSite = Search.FindEarliest(Query(stockholm, monday, null, null, DialogueMode.OnSite), new OfficeSchedule([]));
        Assert.Equal(8 * 60 + onSite.Slot!.TravelMinutesOneWay, onSite.Slot.StartMinute);
        Assert.True(onSite.Slot.TravelMinutesOneWay > 0);
        Assert.Equal(EarlierElsewhere.NearerOffice, onSite.EarlierElsewhere);

        // …unless this office's own rules closed a day before it.
        var onSiteAway = Search.FindEarliest(Query(stockholm, monday, null, away, DialogueMode.OnSite), new OfficeSchedule([]));
        Assert.Equal(EarlierElsewhere.AnyOffice, onSiteAway.EarlierElsewhere);
    }

    [Fact]
    public void The_same_week_is_free_for_a_kommun_whose_sportlov_is_another_week()
    {
        // Göteborg (Västra Götaland) takes week 7, so 1 March 2027 is an ordinary day there.
        var result = Search.FindEarliest(Query(Huvudman("1480"), new DateOnly(2027, 3, 1)), new OfficeSchedule([]));
        Assert.Equal(new DateOnly(2027, 3, 1), result.Slot!.Date);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Easter_Monday_2027_is_a_public_holiday_and_pasklov_follows_it()
    {
        var result = Search.FindEarliest(Query(Huvudman("1480"), new DateOnly(2027, 3, 29)), new OfficeSchedule([]));

        var holiday = Rejected(result, RejectionCode.PublicHoliday);
        Assert.Equal(new DateOnly(2027, 3, 29), holiday.FirstDate);
        Assert.Equal("Annandag påsk", holiday.Example, ignoreCase: true);
        Assert.Equal(new DateOnly(2027, 3, 30), Rejected(result, RejectionCode.SchoolHoliday).FirstDate);
        Assert.Equal(new DateOnly(2027, 4, 5), result.Slot!.Date);
    }

    [Fact]
    public void Midsommarafton_2026_is_closed()
    {
        var answer = Search.Check(Query(Huvudman("0180"), new DateOnly(2026, 6, 19)), new OfficeSchedule([]), new DateOnly(2026, 6, 19), 9 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]);
        Assert.Equal(RejectionCode.PublicHoliday, answer.Rejection);
    }

    [Fact]
    public void The_lead_time_for_the_analysis_document_comes_first()
    {
        // Asked on Monday 23 November 2026: ten working days of preparation put the first dialogue on 7 December.
        var today = new DateOnly(2026, 11, 23);
        var result = Search.FindEarliest(Query(Huvudman("0180"), today, today), new OfficeSchedule([]));

        Assert.Equal(new DateOnly(2026, 12, 7), result.Slot!.Date);
        Assert.Equal(10, Rejected(result, RejectionCode.LeadTime).Days);
        Assert.Equal(new DateOnly(2026, 12, 4), result.Slot.PreparationDeadline);
    }

    [Fact]
    public void A_huvudman_is_not_due_again_before_its_cycle()
    {
        var result = Search.FindEarliest(Query(Huvudman("0180", last: new DateOnly(2025, 1, 15)), new DateOnly(2027, 6, 1)), new OfficeSchedule([]));

        Assert.Equal(RejectionCode.CycleSpacing, result.Rejections[0].Code);
        Assert.True(result.Slot!.Date >= new DateOnly(2028, 1, 15));
    }

    [Fact]
    public void Blocked_dates_are_respected()
    {
        var monday = new DateOnly(2027, 5, 10);
        var result = Search.FindEarliest(Query(Huvudman("0180", 500, null, monday, monday.AddDays(1)), monday), new OfficeSchedule([]));
        Assert.Equal(monday.AddDays(2), result.Slot!.Date);
        Assert.Equal(2, Rejected(result, RejectionCode.BlockedDate).Days);
    }

    [Fact]
    public void Two_advisors_cannot_hold_two_dialogues_at_once_so_the_second_follows_the_first()
    {
        var day = new DateOnly(2027, 5, 10);
        var query = Query(Huvudman("0180"), day);
        var schedule = new OfficeSchedule([]);

        var first = Search.FindEarliest(query, schedule).Slot!;
        schedule.Add(BookingOf(first, "d1"));
        var second = Search.FindEarliest(query, schedule).Slot!;

        Assert.Equal((day, 8 * 60, 10 * 60), (first.Date, first.StartMinute, first.EndMinute));
        Assert.Equal((day, 10 * 60), (second.Date, second.StartMinute));
        Assert.Equal(RejectionCode.AdvisorsBusy, Search.Check(query, schedule, day, 9 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]).Rejection);
    }

    [Theory]
    [InlineData(3 * 60)]
    [InlineData(7 * 60 + 55)]
    [InlineData(16 * 60)]
    public void A_chosen_start_outside_the_working_day_breaks_the_office_hours_rule(int startMinute)
    {
        var day = new DateOnly(2027, 5, 10);
        var query = Query(Huvudman("0180"), day);

        var answer = Search.Check(query, new OfficeSchedule([]), day, startMinute, DialogueMode.Digital, ["solna-1", "solna-2"]);

        Assert.Equal(RejectionCode.OutsideOfficeHours, answer.Rejection);
    }

    [Fact]
    public void The_daily_cap_moves_a_third_dialogue_to_the_next_day()
    {
        var day = new DateOnly(2027, 5, 10);
        var office = Solna with { Advisors = Advisors("solna", 6) };
        var query = Query(Huvudman("0180"), day, office: office);
        var schedule = new OfficeSchedule([]);
        schedule.Add(BookingOf(Search.FindEarliest(query, schedule).Slot!, "d1"));
        schedule.Add(BookingOf(Search.FindEarliest(query, schedule).Slot!, "d2"));

        var third = Search.FindEarliest(query, schedule);

        Assert.Equal(day.AddDays(1), third.Slot!.Date);
        Assert.Equal(1, Rejected(third, RejectionCode.DailyCap).Days);
    }

    [Fact]
    public void The_weekly_cap_moves_one_dialogue_too_many_to_the_next_week()
    {
        var monday = new DateOnly(2027, 5, 10);
        var office = Solna with { Advisors = Advisors("solna", 6) };
        var query = Query(Huvudman("0180"), monday, office: office);
        var schedule = new OfficeSchedule([]);
        for (var i = 0; i < WorkloadOptions.Default.MaxDialoguesPerWeek; i++)
        {
            schedule.Add(BookingOf(Search.FindEarliest(query, schedule).Slot!, $"d{i}"));
        }

        var oneTooMany = Search.FindEarliest(query, schedule);

        Assert.Equal(new DateOnly(2027, 5, 17), oneTooMany.Slot!.Date);
        Assert.True(Rejected(oneTooMany, RejectionCode.WeeklyCap).Days >= 1);
    }

    [Fact]
    public void An_absent_advisor_leaves_too_few_on_duty()
    {
        var day = new DateOnly(2027, 5, 10);
        var office = Solna with { Advisors = Advisors("solna", 2, [new Absence(day, day.AddDays(1), "kurs")]) };
        var result = Search.FindEarliest(Query(Huvudman("0180"), day, office: office), new OfficeSchedule([]));

        Assert.Equal(day.AddDays(2), result.Slot!.Date);
        Assert.Equal(2, Rejected(result, RejectionCode.AdvisorAbsent).Days);
    }

    [Fact]
    public void An_on_site_dialogue_too_far_away_to_fit_in_a_day_is_never_offered()
    {
        // Kiruna from Malmö: about 1,350 km, 22 hours on the road each way.
        var malmo = new SchedulingOffice("malmo", Sweden.Kommun("1280").Position, Advisors("malmo", 4));
        var result = Search.FindEarliest(Query(Huvudman("2584"), new DateOnly(2027, 5, 10), office: malmo, modes: DialogueMode.OnSite), new OfficeSchedule([]));

        Assert.Null(result.Slot);
        Assert.Equal(RejectionCode.Travel, result.Rejections[0].Code);

        var any = Search.FindEarliest(Query(Huvudman("2584"), new DateOnly(2027, 5, 10), office: malmo, modes: [DialogueMode.Digital, DialogueMode.OnSite]), new OfficeSchedule([]));
        Assert.Equal(DialogueMode.Digital, any.Slot!.Mode);
    }

    [Fact]
    public void An_on_site_dialogue_blocks_the_advisors_for_the_trip_too()
    {
        // Uppsala from Solna: about 56 km, 55 minutes each way with the road factor.
        var day = new DateOnly(2027, 5, 10);
        var slot = Search.FindEarliest(Query(Huvudman("0380"), day, modes: DialogueMode.OnSite), new OfficeSchedule([])).Slot!;

        Assert.Equal(DialogueMode.OnSite, slot.Mode);
        Assert.InRange(slot.TravelMinutesOneWay, 50, 60);
        Assert.Equal(8 * 60 + slot.TravelMinutesOneWay, slot.StartMinute);
        var schedule = new OfficeSchedule([BookingOf(slot, "trip")]);
        var next = Search.FindEarliest(Query(Huvudman("0180"), day), schedule).Slot!;
        var back = slot.EndMinute + slot.TravelMinutesOneWay;
        Assert.Equal((back + 14) / 15 * 15, next.StartMinute);
    }

    [Fact]
    public void Slot_times_are_correct_in_UTC_across_daylight_saving_changes()
    {
        // Summer time starts 28 March 2027: 08:00 local is 06:00Z the next Monday, 07:00Z the Monday before.
        var before = Search.Check(Query(Huvudman("1480"), new DateOnly(2027, 3, 22)), new OfficeSchedule([]), new DateOnly(2027, 3, 22), 8 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]).Slot!;
        var after = Search.Check(Query(Huvudman("1480"), new DateOnly(2027, 4, 5)), new OfficeSchedule([]), new DateOnly(2027, 4, 5), 8 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]).Slot!;

        Assert.Equal(new DateTimeOffset(2027, 3, 22, 7, 0, 0, TimeSpan.Zero), before.StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 4, 5, 6, 0, 0, TimeSpan.Zero), after.StartUtc);
        Assert.Equal(TimeSpan.FromHours(2), after.EndUtc - after.StartUtc);
    }

    [Fact]
    public void An_advisor_with_too_little_time_cannot_prepare()
    {
        var day = new DateOnly(2027, 5, 10);
        var office = Solna with { Advisors = [new Advisor("solna-1", "A", 0.02, Staffing.Weekdays, []), new Advisor("solna-2", "B", 1.0, Staffing.Weekdays, [])] };
        var result = Search.FindEarliest(Query(Huvudman("0180", pupils: 8000), day, office: office), new OfficeSchedule([]));

        Assert.Null(result.Slot);
        Assert.Equal(RejectionCode.Preparation, result.Rejections[0].Code);
    }

    [Fact]
    public void Nothing_feasible_in_the_horizon_reports_the_dominant_reasons()
    {
        var office = Solna with { Advisors = Advisors("solna", 1) };
        var result = Search.FindEarliest(Query(Huvudman("0180"), new DateOnly(2027, 5, 10)) with { HorizonDays = 30 }, new OfficeSchedule([]));
        Assert.NotNull(result.Slot);

        var alone = Search.FindEarliest(Query(Huvudman("0180"), new DateOnly(2027, 5, 10), office: office) with { HorizonDays = 30 }, new OfficeSchedule([]));
        Assert.Null(alone.Slot);
        Assert.Equal(30, alone.DaysExamined);
        Assert.Equal(RejectionCode.AdvisorAbsent, alone.Rejections[0].Code);
        Assert.Equal(30, alone.Rejections.Sum(r => r.Days));
    }
}
