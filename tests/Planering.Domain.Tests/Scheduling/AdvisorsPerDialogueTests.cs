using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Domain.Tests.Scheduling;

/// <summary>The slot search takes as many advisors as the planning parameters' advisors_per_dialogue, never a fixed pair.</summary>
public sealed class AdvisorsPerDialogueTests
{
    private static readonly SwedishGeography Sweden = SwedishGeography.Sweden;
    private static readonly DateOnly Monday = new(2027, 3, 8);

    private static SlotSearch Search(int advisorsPerDialogue) => new(
        OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(Sweden), new WorkloadModel(WorkloadOptions.Default with { AdvisorsPerDialogue = advisorsPerDialogue }));

    private static SchedulingOffice Office(int advisors) => new("solna", Sweden.Kommun("0184").Position,
        Enumerable.Range(1, advisors).Select(n => new Advisor($"solna-{n}", $"R{n}", 1.0, Staffing.Weekdays, [])).ToList());

    private static SlotQuery Query(SchedulingOffice office, params DialogueMode[] modes) =>
        new(new SchedulingHuvudman("h-0180", "H 0180", "0180", Sweden.Kommun("0180").Position, 500, null, new HashSet<DateOnly>()),
            office, modes.Length == 0 ? [DialogueMode.Digital] : modes, Monday, 60, false, Monday.AddDays(-60));

    [Fact]
    public void One_advisor_per_dialogue_lets_an_office_with_one_advisor_book_and_the_slot_names_one_advisor()
    {
        var slot = Search(1).FindEarliest(Query(Office(1)), new OfficeSchedule([])).Slot;

        Assert.NotNull(slot);
        Assert.Equal(["solna-1"], slot.AdvisorIds);

        // With the default pair the same office has no slot at all: every day lacks a second advisor.
        var pair = Search(2).FindEarliest(Query(Office(1)), new OfficeSchedule([]));
        Assert.Null(pair.Slot);
        Assert.Contains(pair.Rejections, r => r.Code == RejectionCode.AdvisorAbsent);
    }

    [Fact]
    public void Three_advisors_per_dialogue_need_three_on_duty_and_all_three_free()
    {
        Assert.Null(Search(3).FindEarliest(Query(Office(2)), new OfficeSchedule([])).Slot);

        var search = Search(3);
        var office = Office(3);
        var first = search.FindEarliest(Query(office), new OfficeSchedule([])).Slot!;
        Assert.Equal(["solna-1", "solna-2", "solna-3"], first.AdvisorIds);

        // The three are busy for the first dialogue, so a second one that day starts after it.
        var booked = new Booking("d1", "d1", "other", "Other", first.OfficeId, first.Date, first.StartMinute, first.EndMinute, first.Mode,
            first.AdvisorIds, 0, first.Effort.DialogueHours, first.Effort.PreparationHours, false, DateTimeOffset.UnixEpoch);
        var second = search.FindEarliest(Query(office), new OfficeSchedule([booked])).Slot!;
        Assert.True(second.Date > first.Date || second.StartMinute >= first.EndMinute);

        // A slot named with two advisors is not one a three-advisor dialogue can be booked on.
        var (checkedSlot, rejection) = search.Check(Query(office), new OfficeSchedule([]), first.Date, first.StartMinute, DialogueMode.Digital, ["solna-1", "solna-2"]);
        Assert.Null(checkedSlot);
        Assert.Equal(RejectionCode.AdvisorAbsent, rejection);
        Assert.NotNull(search.Check(Query(office), new OfficeSchedule([]), first.Date, first.StartMinute, DialogueMode.Digital, first.AdvisorIds).Slot);
    }

    [Fact]
    public void An_on_site_trip_blocks_every_advisor_of_the_team()
    {
        var search = Search(3);
        var office = Office(4);
        var trip = search.FindEarliest(Query(office, DialogueMode.OnSite), new OfficeSchedule([])).Slot!;
        Assert.Equal(3, trip.AdvisorIds.Count);
        var booked = new Booking("d1", "d1", "other", "Other", trip.OfficeId, trip.Date, trip.StartMinute, trip.EndMinute, trip.Mode,
            trip.AdvisorIds, trip.TravelMinutesOneWay, trip.Effort.DialogueHours, trip.Effort.PreparationHours, false, DateTimeOffset.UnixEpoch, Trip: trip.Trip);
        var schedule = new OfficeSchedule([booked]);

        // Only one advisor is left free on that day: a three-advisor digital dialogue cannot overlap the trip.
        var next = search.FindEarliest(Query(office), schedule).Slot!;
        var tripFrom = booked.BusyFromMinute;
        var tripTo = booked.BusyToMinute;
        Assert.True(next.Date != trip.Date || next.StartMinute >= tripTo || next.EndMinute <= tripFrom);
        Assert.All(trip.AdvisorIds, a => Assert.NotEmpty(schedule.BusyIntervals(a, trip.Date)));
    }
}
