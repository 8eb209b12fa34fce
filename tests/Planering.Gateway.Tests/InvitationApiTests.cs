using System.Globalization;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>
/// Invitation waves over real gRPC against the seeded silo with SQLite storage: a wave proposed, committed (a retry
/// records nothing twice, even after a restart), answered, counted in the coverage, and moving the forecast's demand.
/// Each test works on its own office in a kommun of its own (no other test uses it) with huvudmän of its own, which the
/// nearest-office placement gives to that office; so the rest of the country is not invited.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class InvitationApiTests(ApiFixture api)
{
    private static int _next = Random.Shared.Next(0, 90_000_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"6{Interlocked.Increment(ref _next):D8}").Value;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Next spring term: far enough ahead that every huvudman is due, inside the forecast's horizon.</summary>
    private static (string From, string To) Term()
    {
        var year = DateTime.UtcNow.Year + 1;
        return (Date(new DateOnly(year, 2, 1)), Date(new DateOnly(year, 5, 31)));
    }

    private async Task<(string OfficeId, List<string> Huvudman)> ArrangeAsync(string kommun, int huvudman)
    {
        var officeId = $"i{Guid.NewGuid():N}"[..20];
        await api.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = officeId, Name = "Inbjudningskontoret", Kommunkod = kommun });
        var staffing = new SetStaffingRequest { OfficeId = officeId };
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-a", Name = "A", Fte = 1 });
        staffing.Advisors.Add(new Advisor { AdvisorId = $"{officeId}-b", Name = "B", Fte = 1 });
        await api.Registry.SetStaffingAsync(staffing);
        await api.Planning.RebalanceAsync(new RebalanceRequest());
        var ids = new List<string>();
        for (var i = 0; i < huvudman; i++)
        {
            var id = NewOrganisationNumber();
            await api.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
            {
                OrganisationNumber = id, Name = $"Visbyskolan {i} AB", Type = i % 3 == 0 ? HuvudmanType.Municipal : HuvudmanType.Independent, Kommunkod = kommun, Pupils = 200 + (i * 150),
            });
            ids.Add(id);
        }

        return (officeId, ids);
    }

    [Fact]
    public async Task A_wave_is_proposed_with_reasons_committed_once_answered_and_counted_in_the_coverage()
    {
        var (officeId, own) = await ArrangeAsync("2583", 6);
        var (from, to) = Term();
        var propose = new ProposeInvitationWaveRequest { Size = 4, PeriodStart = from, PeriodEnd = to, OfficeIds = { officeId } };

        var proposal = await api.Planning.ProposeInvitationWaveAsync(propose);
        Assert.Equal(4, proposal.Invitees.Count);
        Assert.All(proposal.Invitees, i => Assert.Equal(officeId, i.OfficeId));
        Assert.All(proposal.Invitees, i => Assert.Contains("dialogue capacity", i.Reason, StringComparison.Ordinal));
        Assert.All(proposal.Invitees, i => Assert.InRange(i.TakeUp, 0.5, 1));
        Assert.Equal(officeId, Assert.Single(proposal.Offices).OfficeId);
        Assert.Equal(proposal.Invitees.Select(i => i.HuvudmanId).Order(StringComparer.Ordinal), proposal.IntroductionGroups.SelectMany(g => g.HuvudmanIds).Order(StringComparer.Ordinal));

        // Commit our own huvudmän (the proposal may also hold Gotland's seeded ones): once, and a retry records nothing.
        var waveId = $"w{Guid.NewGuid():N}"[..16];
        var commit = new CommitInvitationWaveRequest { WaveId = waveId, PeriodStart = from, PeriodEnd = to, HuvudmanIds = { own.Take(4) } };
        var coverageBefore = await api.Planning.GetCoverageAsync(new GetCoverageRequest());
        var wave = await api.Planning.CommitInvitationWaveAsync(commit);
        Assert.False(wave.AlreadyCommitted);
        Assert.Equal(own.Take(4).Order(StringComparer.Ordinal), wave.Invitations.Select(i => i.HuvudmanId).Order(StringComparer.Ordinal));
        Assert.All(wave.Invitations, i => Assert.Equal((InvitationStatus.Open, officeId), (i.Status, i.OfficeId)));

        var again = await api.Planning.CommitInvitationWaveAsync(commit);
        Assert.True(again.AlreadyCommitted);
        Assert.Equal(wave.Invitations, again.Invitations);
        var reused = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Planning.CommitInvitationWaveAsync(commit.Clone().With(c => c.HuvudmanIds.Add(own[4]))).ResponseAsync);
        Assert.Equal("WAVE_ID_REUSED", RpcAssert.ReasonOf(reused));

        // Invited once is enough: another wave may not invite them again, and a new proposal leaves them out.
        var twice = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.Planning.CommitInvitationWaveAsync(new CommitInvitationWaveRequest
        {
            WaveId = waveId + "-b", PeriodStart = from, PeriodEnd = to, HuvudmanIds = { own[0], own[5] },
        }).ResponseAsync);
        Assert.Equal("NOT_ELIGIBLE", RpcAssert.ReasonOf(twice));
        var next = await api.Planning.ProposeInvitationWaveAsync(propose.Clone().With(p => p.Size = 50));
        Assert.DoesNotContain(next.Invitees, i => own.Take(4).Contains(i.HuvudmanId));
        Assert.True(next.ExcludedOpenInvitation >= 4);

        var coverage = await api.Planning.GetCoverageAsync(new GetCoverageRequest());
        Assert.Equal(coverageBefore.National.Invited + 4, coverage.National.Invited);
        Assert.Equal(coverageBefore.National.NotYetInvited - 4, coverage.National.NotYetInvited);

        // Answers: accepted, declined with a reason, no answer; the fourth stays open.
        var accepted = await api.Planning.RecordInvitationAnswerAsync(new RecordInvitationAnswerRequest { HuvudmanId = own[0], Answer = InvitationStatus.Accepted });
        Assert.Equal((InvitationStatus.Accepted, waveId), (accepted.Status, accepted.WaveId));
        var declined = await api.Planning.RecordInvitationAnswerAsync(new RecordInvitationAnswerRequest { HuvudmanId = own[1], Answer = InvitationStatus.Declined, Reason = "brist på tid" });
        Assert.Equal("brist på tid", declined.Reason);
        await api.Planning.RecordInvitationAnswerAsync(new RecordInvitationAnswerRequest { HuvudmanId = own[2], Answer = InvitationStatus.NoAnswer, WaveId = waveId });

        var office = (await api.Planning.GetCoverageAsync(new GetCoverageRequest())).Offices.Single(o => o.OfficeId == officeId);
        Assert.Equal((4, 1, 1, 1, 1), (office.Invited, office.Open, office.Accepted, office.Declined, office.NoAnswer));
        Assert.Equal(1.0 / 3, office.AcceptanceObserved, 9);
        Assert.True(office.NotYetInvited >= 2);
    }

    [Fact]
    public async Task An_answer_for_an_unknown_or_uninvited_huvudman_is_refused_and_changes_nothing()
    {
        var (_, own) = await ArrangeAsync("2560", 1);
        var before = await api.Planning.GetCoverageAsync(new GetCoverageRequest());

        var unknown = await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Planning.RecordInvitationAnswerAsync(
            new RecordInvitationAnswerRequest { HuvudmanId = NewOrganisationNumber(), Answer = InvitationStatus.Accepted }).ResponseAsync);
        Assert.Equal("HUVUDMAN_NOT_FOUND", RpcAssert.ReasonOf(unknown));
        var uninvited = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.Planning.RecordInvitationAnswerAsync(
            new RecordInvitationAnswerRequest { HuvudmanId = own[0], Answer = InvitationStatus.Declined, Reason = "resurser" }).ResponseAsync);
        Assert.Equal("NOT_INVITED", RpcAssert.ReasonOf(uninvited));
        var fields = await RpcAssert.InvalidFieldsAsync(() => api.Planning.RecordInvitationAnswerAsync(
            new RecordInvitationAnswerRequest { HuvudmanId = own[0], Answer = InvitationStatus.Open, Reason = "a\u0001b" }).ResponseAsync);
        Assert.Equal(["answer", "reason"], fields.Order(StringComparer.Ordinal));

        var after = await api.Planning.GetCoverageAsync(new GetCoverageRequest());
        Assert.Equal(before.National, after.National);
    }

    [Fact]
    public async Task A_committed_wave_moves_the_forecasts_demand_into_its_period_and_survives_a_restart()
    {
        var (officeId, own) = await ArrangeAsync("2513", 5);
        var (from, to) = Term();
        var forecast = new GetCapacityForecastRequest { OfficeIds = { officeId }, Paths = 200, Seed = 5 };
        double DemandIn(CapacityForecast f) => f.Offices.Single().Months
            .Where(m => string.CompareOrdinal(m.Month, from[..7]) >= 0 && string.CompareOrdinal(m.Month, to[..7]) <= 0).Sum(m => m.DemandDialogues);

        var before = DemandIn(await api.Forecast.GetCapacityForecastAsync(forecast));
        var waveId = $"w{Guid.NewGuid():N}"[..16];
        var commit = new CommitInvitationWaveRequest { WaveId = waveId, PeriodStart = from, PeriodEnd = to, HuvudmanIds = { own } };
        await api.Planning.CommitInvitationWaveAsync(commit);
        var after = DemandIn(await api.Forecast.GetCapacityForecastAsync(forecast));

        // Five never-held huvudmän, spread over the cycle before, now all fall in the period, each with its take-up (0.81
        // or 0.9); only if all five had fallen in the period's four months already (odds 1 in 60,000) would it not grow.
        Assert.True(after >= before + 0.5 && after >= 5 * 0.81, $"demand in the period: {before} before the wave, {after} after");

        await api.RestartAsync();
        var retried = await api.Planning.CommitInvitationWaveAsync(commit);
        Assert.True(retried.AlreadyCommitted);
        Assert.Equal(5, retried.Invitations.Count);
        Assert.Equal(5, (await api.Planning.GetCoverageAsync(new GetCoverageRequest())).Offices.Single(o => o.OfficeId == officeId).Invited);
        Assert.Equal(after, DemandIn(await api.Forecast.GetCapacityForecastAsync(forecast)), 9);
    }

    [Fact]
    public async Task A_groups_introduction_is_booked_once_in_its_offices_calendar_and_the_slot_search_then_avoids_its_advisors()
    {
        // Seven huvudmän: two introduction groups of the default six.
        var (officeId, own) = await ArrangeAsync("2514", 7);
        var (from, to) = Term();
        var waveId = $"w{Guid.NewGuid():N}"[..16];
        var wave = await api.Planning.CommitInvitationWaveAsync(new CommitInvitationWaveRequest { WaveId = waveId, PeriodStart = from, PeriodEnd = to, HuvudmanIds = { own } });
        Assert.Equal(2, wave.IntroductionGroups.Count);
        var (first, second) = (wave.IntroductionGroups[0], wave.IntroductionGroups[1]);

        var listed = await api.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = waveId });
        Assert.Equal([first.GroupId, second.GroupId], listed.Groups.Select(g => g.Group.GroupId));
        Assert.All(listed.Groups, g => Assert.Null(g.Meeting));

        // Found, then booked at that time; the same request again books nothing and says it is a replay.
        var found = await api.Planning.FindIntroductionSlotAsync(new FindIntroductionSlotRequest { WaveId = waveId, GroupId = first.GroupId });
        Assert.Equal(officeId, found.Slot.OfficeId);
        Assert.Equal(first.HuvudmanIds, found.HuvudmanIds);
        var book = new BookIntroductionMeetingRequest { RequestId = $"intro-{Guid.NewGuid():N}", WaveId = waveId, GroupId = first.GroupId };
        var meeting = await api.Planning.BookIntroductionMeetingAsync(book);
        Assert.False(meeting.Replayed);
        Assert.Equal(found.Slot, meeting.Slot);
        Assert.Equal(first.HuvudmanIds, meeting.HuvudmanIds);
        Assert.Equal(2, meeting.Slot.AdvisorIds.Count);
        var again = await api.Planning.BookIntroductionMeetingAsync(book);
        Assert.True(again.Replayed);
        Assert.Equal(meeting.Clone().With(m => m.Replayed = true), again);
        var booked = await api.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = waveId });
        Assert.Equal(meeting.MeetingId, booked.Groups[0].Meeting.MeetingId);
        Assert.Null(booked.Groups[1].Meeting);

        // Once per group: another request for the group, or this request id for another group, books nothing.
        var twice = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Planning.BookIntroductionMeetingAsync(book.Clone().With(b => b.RequestId += "-2")).ResponseAsync);
        Assert.Equal("INTRODUCTION_ALREADY_BOOKED", RpcAssert.ReasonOf(twice));
        var reused = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Planning.BookIntroductionMeetingAsync(book.Clone().With(b => b.GroupId = second.GroupId)).ResponseAsync);
        Assert.Equal("REQUEST_ID_REUSED", RpcAssert.ReasonOf(reused));

        // The second group at the first's time with its advisors: taken, the next free time named; nothing is booked.
        var clash = book.Clone().With(b =>
        {
            b.RequestId += "-clash";
            b.GroupId = second.GroupId;
            b.Date = meeting.Slot.Date;
            b.LocalStart = meeting.Slot.LocalStart;
            b.AdvisorIds.Add(meeting.Slot.AdvisorIds);
        });
        var taken = await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Planning.BookIntroductionMeetingAsync(clash).ResponseAsync);
        Assert.Equal("SLOT_TAKEN", RpcAssert.ReasonOf(taken));
        Assert.Null((await api.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = waveId })).Groups[1].Meeting);
        var outside = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.Planning.BookIntroductionMeetingAsync(clash.Clone().With(b => b.LocalStart = "16:30")).ResponseAsync);
        Assert.Equal("OUTSIDE_OFFICE_HOURS", RpcAssert.ReasonOf(outside));

        // A dialogue searched for on the meeting's day does not start while both advisors are in the meeting.
        var dialogue = (await api.Scheduling.FindNextSlotAsync(new FindNextSlotRequest
        {
            HuvudmanId = own[6], OfficeId = officeId, EarliestDate = meeting.Slot.Date, Mode = DialogueMode.Digital,
        })).Slot;
        var overlaps = dialogue.Date == meeting.Slot.Date
            && string.CompareOrdinal(dialogue.LocalStart, meeting.Slot.LocalEnd) < 0 && string.CompareOrdinal(dialogue.LocalEnd, meeting.Slot.LocalStart) > 0;
        Assert.False(overlaps, $"the dialogue {dialogue.Date} {dialogue.LocalStart}–{dialogue.LocalEnd} overlaps the meeting {meeting.Slot.LocalStart}–{meeting.Slot.LocalEnd}");

        // Bad fields are named, and nothing is booked.
        var fields = await RpcAssert.InvalidFieldsAsync(() => api.Planning.BookIntroductionMeetingAsync(new BookIntroductionMeetingRequest
        {
            RequestId = "kort", WaveId = "VT2027", GroupId = string.Empty, Date = "2027-02-30", LocalStart = "25:00", AdvisorIds = { "a", "a" }, HorizonDays = -1,
        }).ResponseAsync);
        Assert.Equal(["advisor_ids", "date", "group_id", "horizon_days", "local_start", "request_id", "wave_id"], fields.Distinct().Order(StringComparer.Ordinal));
        var unknown = await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Planning.BookIntroductionMeetingAsync(book.Clone().With(b => { b.RequestId += "-x"; b.GroupId = "nowhere-01"; })).ResponseAsync);
        Assert.Equal("INTRODUCTION_GROUP_NOT_FOUND", RpcAssert.ReasonOf(unknown));
        Assert.Null((await api.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = waveId })).Groups[1].Meeting);

        // Stored: after a restart the office reads its meeting back, a retry still books nothing, and the search still avoids it.
        await api.RestartAsync();
        Assert.Equal(meeting.Clone().With(m => m.Replayed = true), await api.Planning.BookIntroductionMeetingAsync(book));
        Assert.Equal(meeting.MeetingId, (await api.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = waveId })).Groups[0].Meeting.MeetingId);
        var secondFound = await api.Planning.FindIntroductionSlotAsync(new FindIntroductionSlotRequest { WaveId = waveId, GroupId = second.GroupId, EarliestDate = meeting.Slot.Date });
        Assert.False(secondFound.Slot.Date == meeting.Slot.Date && string.CompareOrdinal(secondFound.Slot.LocalStart, meeting.Slot.LocalEnd) < 0,
            $"the second group's time {secondFound.Slot.Date} {secondFound.Slot.LocalStart} overlaps the first's meeting");

        // Cancelled (twice: nothing more happens), its time is free again and its group may be booked anew.
        var cancel = new CancelIntroductionMeetingRequest { MeetingId = meeting.MeetingId };
        var cancelled = await api.Planning.CancelIntroductionMeetingAsync(cancel);
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(cancelled, await api.Planning.CancelIntroductionMeetingAsync(cancel));
        Assert.Null((await api.Planning.ListIntroductionMeetingsAsync(new ListIntroductionMeetingsRequest { WaveId = waveId })).Groups[0].Meeting);
        var rebooked = await api.Planning.BookIntroductionMeetingAsync(book.Clone().With(b => b.RequestId += "-again"));
        Assert.Equal(meeting.Slot, rebooked.Slot);
        var missing = await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Planning.CancelIntroductionMeetingAsync(new CancelIntroductionMeetingRequest { MeetingId = $"{officeId}.{new string('0', 20)}" }).ResponseAsync);
        Assert.Equal("INTRODUCTION_MEETING_NOT_FOUND", RpcAssert.ReasonOf(missing));
    }
}
