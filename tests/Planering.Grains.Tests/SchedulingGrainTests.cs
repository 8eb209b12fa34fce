using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Grains.Registry;
using Planering.Grains.Hosting;
using Planering.Grains.Scheduling;
using ErrorCode = Planering.Domain.Errors.ErrorCode;

namespace Planering.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class SchedulingGrainTests(ClusterFixture fixture)
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private IGrainFactory Grains => fixture.Grains;

    /// <summary>A fresh office with two advisors and a fresh huvudman in the same kommun, both used by one test only.</summary>
    private async Task<(string OfficeId, string Huvudman)> ArrangeAsync(string kommunkod = "1980")
    {
        var officeId = TestKeys.OfficeId("sched");
        var office = Grains.GetGrain<IRegionalOfficeGrain>(officeId);
        await office.UpsertAsync(new OfficeUpsert("Testkontoret", kommunkod, null, null));
        await office.SetStaffingAsync([
            new AdvisorRecord($"{officeId}-a", "A", 1.0, Weekdays, []),
            new AdvisorRecord($"{officeId}-b", "B", 1.0, Weekdays, []),
        ]);
        var number = TestKeys.OrganisationNumber();
        await Grains.GetGrain<IHuvudmanGrain>(number).UpsertAsync(new HuvudmanUpsert("Skolan AB", HuvudmanType.Independent, kommunkod, null, 500, false));
        return (officeId, number);
    }

    private static FindSlotRequest Digital(string officeId) =>
        new(new DateOnly(2027, 5, 10), [DialogueMode.Digital], officeId, 365, false);

    private static SlotChoice Choice(SlotRecord slot) => new(slot.OfficeId, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, false);

    [Fact]
    public async Task A_slot_found_can_be_booked_once_and_a_retry_returns_the_same_dialogue()
    {
        var (officeId, huvudman) = await ArrangeAsync();
        var found = await Grains.GetGrain<IHuvudmanGrain>(huvudman).FindNextSlotAsync(Digital(officeId));
        Assert.Equal((new DateOnly(2027, 5, 10), 8 * 60), (found.Slot.Date, found.Slot.StartMinute));

        var requestId = $"req-{Guid.NewGuid():N}";
        var first = await Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(found.Slot));
        var retry = await Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(found.Slot));

        Same.Value(first, retry);
        Assert.Equal(DialogueIds.For(officeId, requestId), first.DialogueId);
        var listed = await Grains.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, true), 100, null);
        Assert.Equal(first.DialogueId, Assert.Single(listed.Items).DialogueId);
    }

    [Fact]
    public async Task A_request_id_reused_for_another_booking_is_refused()
    {
        var (officeId, huvudman) = await ArrangeAsync();
        var found = await Grains.GetGrain<IHuvudmanGrain>(huvudman).FindNextSlotAsync(Digital(officeId));
        var requestId = $"req-{Guid.NewGuid():N}";
        await Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(found.Slot));

        var other = Choice(found.Slot) with { StartMinute = found.Slot.StartMinute + 120 };
        var error = await Assert.ThrowsAsync<PlaneringException>(() => Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, other));
        Assert.Equal(ErrorCode.AlreadyExists, error.Code);
    }

    [Fact]
    public async Task A_slot_taken_by_another_huvudman_is_a_conflict_naming_the_next_free_slot()
    {
        var (officeId, first) = await ArrangeAsync();
        var second = TestKeys.OrganisationNumber();
        await Grains.GetGrain<IHuvudmanGrain>(second).UpsertAsync(new HuvudmanUpsert("Andra AB", HuvudmanType.Independent, "1980", null, 500, false));
        var slot = (await Grains.GetGrain<IHuvudmanGrain>(first).FindNextSlotAsync(Digital(officeId))).Slot;
        await Grains.GetGrain<IBookingRequestGrain>($"req-{Guid.NewGuid():N}").BookAsync(first, Choice(slot));

        var error = await Assert.ThrowsAsync<PlaneringException>(() =>
            Grains.GetGrain<IBookingRequestGrain>($"req-{Guid.NewGuid():N}").BookAsync(second, Choice(slot)));

        Assert.Equal(ErrorCode.Conflict, error.Code);
        Assert.Equal("SLOT_TAKEN", error.Reason);
        Assert.Equal("2027-05-10", error.Details["next_date"]);
        Assert.Equal("10:00", error.Details["next_local_start"]);
    }

    [Fact]
    public async Task The_office_is_the_source_of_truth_when_the_huvudman_dies_after_the_office_booked()
    {
        var (officeId, huvudman) = await ArrangeAsync();
        var slot = (await Grains.GetGrain<IHuvudmanGrain>(huvudman).FindNextSlotAsync(Digital(officeId))).Slot;
        var requestId = $"req-{Guid.NewGuid():N}";

        // Write 1 is the pending marker, write 2 would record the office's answer: it fails, as if the process died.
        FaultInjectingStorage.FailWrite(Grains.GetGrain<IHuvudmanGrain>(huvudman).GetGrainId(), 2);
        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(slot)));

        var dialogueId = DialogueIds.For(officeId, requestId);
        Assert.NotNull(await Grains.GetGrain<IRegionalOfficeGrain>(officeId).GetDialogueAsync(dialogueId));

        // A fresh activation resolves the marker against the office: the huvudman knows its dialogue again.
        var own = await Grains.GetGrain<IHuvudmanGrain>(huvudman).ListDialoguesAsync(new DialogueFilter(null, null, false), 10, null);
        Assert.Equal(dialogueId, Assert.Single(own.Items).DialogueId);

        // The caller's retry gets the same dialogue; the office holds it once.
        var retried = await Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(slot));
        Assert.Equal(dialogueId, retried.DialogueId);
        var atOffice = await Grains.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, true), 100, null);
        Assert.Single(atOffice.Items);
    }

    [Fact]
    public async Task Nothing_is_booked_when_the_office_write_fails_and_a_retry_books_once()
    {
        var (officeId, huvudman) = await ArrangeAsync();
        var slot = (await Grains.GetGrain<IHuvudmanGrain>(huvudman).FindNextSlotAsync(Digital(officeId))).Slot;
        var requestId = $"req-{Guid.NewGuid():N}";

        FaultInjectingStorage.FailWrite(Grains.GetGrain<IRegionalOfficeGrain>(officeId).GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(slot)));

        var office = Grains.GetGrain<IRegionalOfficeGrain>(officeId);
        Assert.Null(await office.GetDialogueAsync(DialogueIds.For(officeId, requestId)));
        Assert.Empty((await Grains.GetGrain<IHuvudmanGrain>(huvudman).ListDialoguesAsync(new DialogueFilter(null, null, true), 10, null)).Items);

        // The office's memory was rolled back with its failed write: the same slot is still free.
        var booked = await Grains.GetGrain<IBookingRequestGrain>(requestId).BookAsync(huvudman, Choice(slot));
        Assert.Equal((slot.Date, slot.StartMinute), (booked.Slot.Date, booked.Slot.StartMinute));
        Assert.Single((await office.ListDialoguesAsync(new DialogueFilter(null, null, true), 100, null)).Items);
    }

    [Fact]
    public async Task A_cancelled_dialogue_frees_its_slot_and_stays_listed_as_cancelled()
    {
        var (officeId, huvudman) = await ArrangeAsync();
        var grain = Grains.GetGrain<IHuvudmanGrain>(huvudman);
        var slot = (await grain.FindNextSlotAsync(Digital(officeId))).Slot;
        var booked = await Grains.GetGrain<IBookingRequestGrain>($"req-{Guid.NewGuid():N}").BookAsync(huvudman, Choice(slot));

        var cancelled = await grain.CancelAsync(booked.DialogueId, "sjukdom");
        Assert.False(cancelled.IsActive);
        Assert.Equal("sjukdom", cancelled.CancelReason);
        Same.Value(cancelled, await grain.CancelAsync(booked.DialogueId, "again"));

        var again = await grain.FindNextSlotAsync(Digital(officeId));
        Assert.Equal((slot.Date, slot.StartMinute), (again.Slot.Date, again.Slot.StartMinute));
        var listed = await Grains.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, true), 100, null);
        Assert.False(Assert.Single(listed.Items).IsActive);
        Assert.Empty((await Grains.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, false), 100, null)).Items);
    }

    [Fact]
    public async Task A_kommun_override_of_its_sportlov_moves_the_slot()
    {
        var (officeId, huvudman) = await ArrangeAsync("1981");
        var request = Digital(officeId) with { Earliest = new DateOnly(2027, 5, 10) };
        var periods = await Grains.GetGrain<INationalSchoolCalendarGrain>(GrainKeys.Sweden).SetLovAsync("1981", 2027, LovKind.Sportlov, null, new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 12));
        Assert.Contains(periods, p => p.Kind == LovKind.Sportlov && p.Overridden && p.Start == new DateOnly(2027, 5, 10));

        var found = await Grains.GetGrain<IHuvudmanGrain>(huvudman).FindNextSlotAsync(request);

        Assert.Equal(new DateOnly(2027, 5, 13), found.Slot.Date);
        var lov = Assert.Single(found.Rejections, r => r.Code == "SCHOOL_HOLIDAY");
        Assert.Equal(3, lov.Days);
    }

    [Fact]
    public async Task An_independent_huvudman_s_own_imported_calendar_moves_its_slot_and_not_its_neighbour_s()
    {
        var (officeId, own) = await ArrangeAsync("1984");
        var neighbour = TestKeys.OrganisationNumber();
        await Grains.GetGrain<IHuvudmanGrain>(neighbour).UpsertAsync(new HuvudmanUpsert("Grannskolan AB", HuvudmanType.Independent, "1984", null, 500, false));
        var calendar = Grains.GetGrain<INationalSchoolCalendarGrain>(GrainKeys.Sweden);
        var result = await calendar.ImportAsync([new SchoolCalendarEntryRecord("1984", own, 2026, SchoolCalendarPeriodKind.Pasklov, new DateOnly(2027, 5, 10), new DateOnly(2027, 5, 12))], dryRun: false);
        Assert.Equal(1, result.New);

        var mine = await Grains.GetGrain<IHuvudmanGrain>(own).FindNextSlotAsync(Digital(officeId));
        var theirs = await Grains.GetGrain<IHuvudmanGrain>(neighbour).FindNextSlotAsync(Digital(officeId));

        Assert.Equal(new DateOnly(2027, 5, 13), mine.Slot.Date);
        Assert.Equal(3, Assert.Single(mine.Rejections, r => r.Code == "SCHOOL_HOLIDAY").Days);
        Assert.Equal(new DateOnly(2027, 5, 10), theirs.Slot.Date);
        Assert.Equal(result.Version, await calendar.GetVersionAsync());
    }

    [Fact]
    public async Task Nothing_feasible_in_the_horizon_is_a_rule_violation_with_the_dominant_reasons()
    {
        var (officeId, huvudman) = await ArrangeAsync();
        var request = Digital(officeId) with { Earliest = new DateOnly(2027, 7, 1), HorizonDays = 20 };

        var error = await Assert.ThrowsAsync<PlaneringException>(() => Grains.GetGrain<IHuvudmanGrain>(huvudman).FindNextSlotAsync(request));

        Assert.Equal(ErrorCode.RuleViolation, error.Code);
        Assert.Equal("NO_SLOT_IN_HORIZON", error.Reason);
        Assert.Contains("SCHOOL_HOLIDAY", error.Message, StringComparison.Ordinal);
    }
}
