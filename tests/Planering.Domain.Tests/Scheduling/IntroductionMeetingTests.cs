using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Scheduling;

/// <summary>
/// A group's introduction meeting in the office calendar: found by the slot search's own day rules for every huvudman of
/// the group and its free-time rule for the advisors; once booked, dialogues avoid its advisors' time and no longer carry
/// the per-dialogue share of the meeting for the huvudmän it serves (one count of the meeting's hours).
/// </summary>
public sealed class IntroductionMeetingTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly SlotSearch Search = new(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(Sweden), WorkloadModel.Default);
    private static readonly DateOnly Monday = new(2027, 3, 8);

    private static SchedulingOffice Solna(int advisors = 2) =>
        new("solna", Sweden.Kommun("0184").Position, Enumerable.Range(1, advisors).Select(n => new Advisor($"solna-{n}", $"R{n}", 1.0, Staffing.Weekdays, [])).ToList());

    private static SchedulingHuvudman Huvudman(string kommunkod, string? id = null, params DateOnly[] blocked) =>
        new(id ?? $"h-{kommunkod}", $"H {kommunkod}", kommunkod, Sweden.Kommun(kommunkod).Position, 500, null, blocked.ToHashSet());

    private static IntroductionQuery Group(DateOnly earliest, SchedulingOffice? office = null, params SchedulingHuvudman[] huvudman) =>
        new(office ?? Solna(), huvudman.Length == 0 ? [Huvudman("0184"), Huvudman("0180")] : huvudman, earliest, 120, earliest.AddDays(-60));

    private static IntroductionMeeting Meeting(FoundIntroduction slot, params string[] huvudman) =>
        new("solna.intro", "req-1", slot.OfficeId, "vt2027-1", "solna-01", slot.Date, slot.StartMinute, slot.EndMinute, slot.AdvisorIds,
            huvudman.Length == 0 ? ["h-0184", "h-0180"] : huvudman, DateTimeOffset.UnixEpoch);

    private static SlotQuery Dialogue(SchedulingHuvudman huvudman, DateOnly earliest, SchedulingOffice? office = null) =>
        new(huvudman, office ?? Solna(), [DialogueMode.Digital], earliest, 120, false, earliest.AddDays(-60));

    private static Booking BookingOf(FoundSlot slot, string id, string huvudman) =>
        new(id, id, huvudman, huvudman, slot.OfficeId, slot.Date, slot.StartMinute, slot.EndMinute, slot.Mode, slot.AdvisorIds,
            slot.TravelMinutesOneWay, slot.Effort.DialogueHours, slot.Effort.PreparationHours, false, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_meeting_takes_the_first_free_stretch_of_two_advisors_for_its_length_on_the_first_day_no_huvudman_of_the_group_has_lov()
    {
        // Stockholm (0180) has sportlov in ISO week 9 (1–5 March 2027): the group's meeting waits for Monday 8 March.
        var result = Search.FindIntroduction(Group(new DateOnly(2027, 3, 1)), new OfficeSchedule([]));

        var slot = result.Slot!;
        Assert.Equal((Monday, 8 * 60, 8 * 60 + 90), (slot.Date, slot.StartMinute, slot.EndMinute));
        Assert.Equal(["solna-1", "solna-2"], slot.AdvisorIds);
        Assert.Equal(5, result.Rejections.Single(r => r.Code == RejectionCode.SchoolHoliday).Days);
        Assert.Equal(2, result.Rejections.Single(r => r.Code == RejectionCode.NonWorkingDay).Days);
        Assert.Equal(8, result.DaysExamined);
    }

    [Fact]
    public void A_booked_meeting_is_busy_time_for_its_advisors_for_dialogues_and_for_the_next_meeting()
    {
        var meeting = Meeting(Search.FindIntroduction(Group(Monday), new OfficeSchedule([])).Slot!);
        var schedule = new OfficeSchedule([], [meeting]);

        var dialogue = Search.FindEarliest(Dialogue(Huvudman("0186", "h-other"), Monday), schedule).Slot!;
        Assert.Equal(Monday, dialogue.Date);
        Assert.True(dialogue.StartMinute >= meeting.EndMinute, $"the dialogue starts at {dialogue.StartMinute}, in the meeting");

        var second = Search.FindIntroduction(Group(Monday), schedule).Slot!;
        Assert.Equal((Monday, meeting.EndMinute), (second.Date, second.StartMinute));

        // Cancelled, it frees its advisors' time and serves no dialogue.
        var cancelled = new OfficeSchedule([], [meeting]);
        Assert.False(cancelled.CancelIntroduction(meeting.MeetingId, DateTimeOffset.UnixEpoch).IsActive);
        Assert.Equal(8 * 60, Search.FindIntroduction(Group(Monday), cancelled).Slot!.StartMinute);
        Assert.Null(cancelled.IntroductionServing("h-0180", Monday, 36));
        Assert.Null(cancelled.IntroductionOfGroup(meeting.WaveId, meeting.GroupId));

        // Exactly the meeting's time with its advisors is taken; another advisor pair on six is free.
        Assert.Equal(RejectionCode.AdvisorsBusy, Search.Check(Dialogue(Huvudman("0186", "h-other"), Monday), schedule, Monday, 8 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]).Rejection);
        var six = new OfficeSchedule([], [meeting]);
        Assert.NotNull(Search.Check(Dialogue(Huvudman("0186", "h-other"), Monday, Solna(6)), six, Monday, 8 * 60, DialogueMode.Digital, ["solna-3", "solna-4"]).Slot);
    }

    [Fact]
    public void A_chosen_time_is_checked_against_every_rule_and_the_rule_it_breaks_is_named()
    {
        var schedule = new OfficeSchedule([]);
        var group = Group(Monday);
        Assert.NotNull(Search.EvaluateIntroduction(group, schedule, Monday, ["solna-1", "solna-2"], 13 * 60).Slot);
        Assert.Equal(RejectionCode.OutsideOfficeHours, Search.EvaluateIntroduction(group, schedule, Monday, ["solna-1", "solna-2"], 16 * 60).Rejection);
        Assert.Equal(RejectionCode.OutsideOfficeHours, Search.EvaluateIntroduction(group, schedule, Monday, ["solna-1", "solna-2"], 6 * 60).Rejection);
        Assert.Equal(RejectionCode.AdvisorAbsent, Search.EvaluateIntroduction(group, schedule, Monday, ["solna-1"], 9 * 60).Rejection);
        Assert.Equal(RejectionCode.AdvisorAbsent, Search.EvaluateIntroduction(group, schedule, Monday, ["solna-1", "solna-9"], 9 * 60).Rejection);
        Assert.Equal(RejectionCode.NonWorkingDay, Search.EvaluateIntroduction(group, schedule, Monday.AddDays(-1)).Rejection);
        Assert.Equal(RejectionCode.PublicHoliday, Search.EvaluateIntroduction(group, schedule, new DateOnly(2027, 5, 6)).Rejection);

        // One huvudman's blocked date closes the day for the whole group; so does the lead time.
        var blocked = Group(Monday, null, Huvudman("0184"), Huvudman("0186", null, Monday));
        Assert.Equal(RejectionCode.BlockedDate, Search.EvaluateIntroduction(blocked, schedule, Monday).Rejection);
        Assert.Equal(RejectionCode.LeadTime, Search.EvaluateIntroduction(group with { Today = Monday }, schedule, Monday).Rejection);

        // A dialogue booked at 13:00 with both advisors makes 13:00 taken for the meeting.
        var dialogue = Search.Check(Dialogue(Huvudman("0186", "h-other"), Monday), schedule, Monday, 13 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]).Slot!;
        var busy = new OfficeSchedule([BookingOf(dialogue, "d1", "h-other")]);
        Assert.Equal(RejectionCode.AdvisorsBusy, Search.EvaluateIntroduction(group, busy, Monday, ["solna-1", "solna-2"], 13 * 60).Rejection);
    }

    [Fact]
    public void The_offices_dialogue_caps_count_dialogues_not_meetings()
    {
        // Two dialogues fill Monday's cap (max_dialogues_per_day 2) with four of six advisors; the meeting still fits.
        var office = Solna(6);
        var first = Search.Check(Dialogue(Huvudman("0186", "h-a"), Monday, office), new OfficeSchedule([]), Monday, 8 * 60, DialogueMode.Digital, ["solna-1", "solna-2"]).Slot!;
        var second = Search.Check(Dialogue(Huvudman("0186", "h-b"), Monday, office), new OfficeSchedule([BookingOf(first, "d1", "h-a")]), Monday, 8 * 60, DialogueMode.Digital, ["solna-3", "solna-4"]).Slot!;
        var full = new OfficeSchedule([BookingOf(first, "d1", "h-a"), BookingOf(second, "d2", "h-b")]);
        Assert.Equal(RejectionCode.DailyCap, Search.Evaluate(Dialogue(Huvudman("0186", "h-c"), Monday, office), full, Monday, DialogueMode.Digital).Rejection);

        var meeting = Search.EvaluateIntroduction(Group(Monday, office), full, Monday).Slot!;
        Assert.Equal(8 * 60, meeting.StartMinute);
        Assert.Equal(["solna-5", "solna-6"], meeting.AdvisorIds);

        // The meeting does not fill the cap in turn: with it booked, a second dialogue still fits on a fresh day.
        var withMeeting = new OfficeSchedule([BookingOf(first, "d1", "h-a")], [Meeting(meeting)]);
        Assert.Equal(1, withMeeting.CountOn(Monday));
        Assert.NotNull(Search.Evaluate(Dialogue(Huvudman("0186", "h-c"), Monday, office), withMeeting, Monday, DialogueMode.Digital).Slot);
    }

    [Fact]
    public void A_dialogue_of_a_huvudman_whose_group_meeting_is_booked_carries_no_share_of_a_meeting_and_the_others_keep_theirs()
    {
        var meeting = Meeting(Search.FindIntroduction(Group(Monday), new OfficeSchedule([])).Slot!);
        var schedule = new OfficeSchedule([], [meeting]);
        var share = WorkloadModel.Default.StartMeetingAdvisorHours;
        Assert.Equal(1.5 * 2 / 6, share, 9);

        var served = Search.FindEarliest(Dialogue(Huvudman("0180"), Monday.AddDays(14)), schedule).Slot!;
        Assert.Equal(0, served.Effort.StartMeetingAdvisorHours);
        var other = Search.FindEarliest(Dialogue(Huvudman("0186", "h-other"), Monday.AddDays(14)), schedule).Slot!;
        Assert.Equal(share, other.Effort.StartMeetingAdvisorHours, 9);
        Assert.Equal(other.Effort.HoursBefore - share, served.Effort.HoursBefore, 9);

        // More than a cycle from the meeting, the dialogue is the next cycle's: it carries its share again.
        Assert.False(meeting.Serves("h-0180", Monday.AddMonths(WorkloadModel.Default.Options.CycleMonths), WorkloadModel.Default.Options.CycleMonths));
        Assert.True(meeting.Serves("h-0180", Monday.AddDays(-3), WorkloadModel.Default.Options.CycleMonths));
        Assert.False((meeting with { CancelledAt = DateTimeOffset.UnixEpoch }).Serves("h-0180", Monday, 36));
        Assert.Null(new OfficeSchedule([], [meeting with { MeetingId = "x", CancelledAt = DateTimeOffset.UnixEpoch }]).IntroductionServing("h-0180", Monday, 36));
    }

    [Fact]
    public void Booked_meetings_take_their_advisors_working_hours_that_the_preparation_check_counts()
    {
        // Both advisors in meetings all day on every working day of the four weeks before: no desk time is left to
        // prepare a dialogue on the Monday after, though that day itself is free.
        var day = new DateOnly(2027, 3, 22);
        var meetings = Enumerable.Range(1, 28).Select(n => day.AddDays(-n)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new IntroductionMeeting($"m{d:yyyyMMdd}", "r", "solna", "w", $"g{d:yyyyMMdd}", d, 8 * 60, 17 * 60, ["solna-1", "solna-2"], ["h-x"], DateTimeOffset.UnixEpoch))
            .ToList();
        var query = Dialogue(Huvudman("0186", "h-other"), day);

        Assert.NotNull(Search.Evaluate(query, new OfficeSchedule([]), day, DialogueMode.Digital).Slot);
        Assert.Equal(RejectionCode.Preparation, Search.Evaluate(query, new OfficeSchedule([], meetings), day, DialogueMode.Digital).Rejection);
    }
}
