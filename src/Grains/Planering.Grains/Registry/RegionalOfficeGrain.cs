using System.Globalization;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Travel;
using Planering.Domain.Workload;
using Planering.Domain.World;
using Microsoft.Extensions.Logging;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.RegionalOfficeState")]
public sealed class RegionalOfficeState
{
    [Id(0)] public OfficeRecord? Office { get; set; }

    /// <summary>The office calendar: every dialogue booked here, cancelled ones included. The source of truth for bookings.</summary>
    [Id(1)] public Dictionary<string, DialogueRecord> Dialogues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The group introduction meetings booked here, by meeting id (one per introduction group of a wave).</summary>
    [Id(2)] public Dictionary<string, IntroductionMeetingRecord> Introductions { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A regional office: its profile and staff, and the single writer of its calendar of dialogues. Searches read the
/// in-memory <see cref="OfficeSchedule"/> index (built once per activation from the stored dialogues); bookings and
/// cancellations change the stored dialogues first and the index only once the write has succeeded.
/// </summary>
public sealed class RegionalOfficeGrain(
    [PersistentState("office", StorageNames.Planering)] IPersistentState<RegionalOfficeState> state,
    TimeProvider clock,
    ILogger<RegionalOfficeGrain> logger) : Grain, IRegionalOfficeGrain
{
    private OfficeSchedule? _schedule;

    public async Task<OfficeRecord> UpsertAsync(OfficeUpsert upsert)
    {
        var profile = OfficeProfile.Create(
            this.GetPrimaryKeyString(), upsert.Name, upsert.Kommunkod, upsert.Position?.ToDomain(), upsert.Opened, SwedishGeography.Sweden);
        TripOptions.RequireNightsLimit(upsert.MaxNightsAwayPerAdvisorMonth);
        var previous = state.State.Office;
        var office = profile.ToRecord(previous?.Advisors ?? [], clock.GetUtcNow()) with
        {
            // Absent keeps the office's own limit, as an upsert keeps its staff.
            MaxNightsAwayPerAdvisorMonth = upsert.MaxNightsAwayPerAdvisorMonth ?? previous?.MaxNightsAwayPerAdvisorMonth,
        };
        state.State.Office = office;
        await state.WriteOrReloadAsync(this);

        await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).PublishAsync(office);
        if (previous is null || previous.Position != office.Position)
        {
            await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).OfficesChangedAsync();
            await this.PublishPlanChangeAsync(logger, "office-changed", office.OfficeId);
        }

        return office;
    }

    public Task<OfficeRecord> GetAsync() => Task.FromResult(RequireOffice());

    public async Task<OfficeRecord> SetStaffingAsync(IReadOnlyList<AdvisorRecord> advisors)
    {
        var office = RequireOffice();
        var validated = Staffing.Validate(advisors.Select(a => a.ToDomain()).ToList());
        office = office with { Advisors = validated.Select(a => a.ToRecord()).ToList(), UpdatedAt = clock.GetUtcNow() };
        state.State.Office = office;
        await state.WriteOrReloadAsync(this);
        await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).PublishAsync(office);
        await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).OfficesChangedAsync();
        await this.PublishPlanChangeAsync(logger, "staffing-changed", office.OfficeId);
        return office;
    }

    public async Task<OfficeSlotAnswer> FindSlotAsync(HuvudmanForSlot huvudman, FindSlotRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        huvudman = await WithParametersAsync(huvudman);
        var search = await SearchForAsync(huvudman);
        var query = QueryFor(huvudman, request.Modes, request.Earliest, request.HorizonDays, request.SpsmParticipation);
        return search.FindEarliest(query, Schedule).ToRecord(request.SpsmParticipation);
    }

    public async Task<DialogueRecord> BookAsync(string dialogueId, string requestId, HuvudmanForSlot huvudman, SlotChoice slot)
    {
        if (state.State.Dialogues.TryGetValue(dialogueId, out var existing))
        {
            return existing;
        }

        huvudman = await WithParametersAsync(huvudman);
        var search = await SearchForAsync(huvudman);
        if (slot.AdvisorIds.Count != search.Workload.Options.AdvisorsPerDialogue)
        {
            throw PlaneringException.Invalid("slot.advisor_ids", $"must name {search.Workload.Options.AdvisorsPerDialogue} different advisors (advisors_per_dialogue)");
        }

        var query = QueryFor(huvudman, [slot.Mode], slot.Date, 1, slot.SpsmParticipation);
        var leg = slot.Leg is { } l ? new TourLeg(l.From?.ToDomain(), l.FromKommunkod, l.DepartAfterMinute, l.End, l.NightsBefore) : null;
        var (found, rejection) = search.Check(query, Schedule, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, leg);
        if (found is null)
        {
            throw Refusal(rejection!.Value, search, huvudman, slot);
        }

        var computed = found.ToRecord(slot.SpsmParticipation);
        if (slot.Claims?.Contradictions(computed) is { Count: > 0 } contradictions)
        {
            // The caller books a slot other than the one it believes (a stale or hand-made answer): nothing is booked.
            throw new PlaneringException(
                ErrorCode.InvalidArgument,
                string.Join("; ", contradictions.Select(c => $"{c.Field}: {c.Description}")),
                violations: contradictions.Select(c => new FieldViolation(c.Field, c.Description)));
        }

        var dialogue = new DialogueRecord(dialogueId, requestId, huvudman.OrganisationNumber, huvudman.Name, computed, clock.GetUtcNow(), null, null);
        state.State.Dialogues[dialogueId] = dialogue;
        await WriteOrRollBackAsync(dialogueId, previous: null);
        _schedule?.Add(dialogue.ToBooking());
        await this.PublishPlanChangeAsync(logger, "dialogue-booked", dialogue.Slot.OfficeId);
        return dialogue;
    }

    public async Task<DialogueRecord> CancelAsync(string dialogueId, string? reason)
    {
        if (!state.State.Dialogues.TryGetValue(dialogueId, out var dialogue))
        {
            throw PlaneringException.NotFound("dialogue", dialogueId);
        }

        if (!dialogue.IsActive)
        {
            return dialogue;
        }

        var cancelled = dialogue with { CancelledAt = clock.GetUtcNow(), CancelReason = reason };
        state.State.Dialogues[dialogueId] = cancelled;
        await WriteOrRollBackAsync(dialogueId, previous: dialogue);
        _schedule?.Cancel(dialogueId, cancelled.CancelledAt!.Value, reason);
        await this.PublishPlanChangeAsync(logger, "dialogue-cancelled", cancelled.Slot.OfficeId);
        return cancelled;
    }

    public Task<DialogueRecord?> GetDialogueAsync(string dialogueId) =>
        Task.FromResult(state.State.Dialogues.GetValueOrDefault(dialogueId));

    public Task<DialogueRecord> CancelThroughHuvudmanAsync(string dialogueId, string? reason)
    {
        var dialogue = state.State.Dialogues.GetValueOrDefault(dialogueId) ?? throw PlaneringException.NotFound("dialogue", dialogueId);
        return GrainFactory.GetGrain<IHuvudmanGrain>(dialogue.HuvudmanId).CancelAsync(dialogueId, reason);
    }

    public Task<DialoguePage> ListDialoguesAsync(DialogueFilter filter, int pageSize, string? pageToken)
    {
        RequireOffice();
        return Task.FromResult(DialogueListing.Page(state.State.Dialogues.Values, filter, pageSize, pageToken));
    }

    public async Task<IntroductionSlotAnswer> FindIntroductionAsync(IntroductionRequest request, IReadOnlyList<HuvudmanForSlot> huvudman)
    {
        var (search, query) = await IntroductionSearchAsync(request, huvudman);
        var result = search.FindIntroduction(query, Schedule);
        return new IntroductionSlotAnswer(
            result.Slot?.ToRecord(), result.Rejections.Select(r => r.ToRecord()).ToList(), result.DaysExamined, request.WaveId, request.GroupId,
            huvudman.Select(h => h.OrganisationNumber).ToList());
    }

    public async Task<IntroductionMeetingRecord> BookIntroductionAsync(IntroductionRequest request, IReadOnlyList<HuvudmanForSlot> huvudman)
    {
        var office = RequireOffice();
        var meetingId = IntroductionMeetings.IdFor(office.OfficeId, request.RequestId);
        if (state.State.Introductions.TryGetValue(meetingId, out var existing))
        {
            var same = existing.WaveId == request.WaveId && existing.GroupId == request.GroupId
                && (request.Choice is not { } c || (c.Date == existing.Date && c.StartMinute == existing.StartMinute && c.AdvisorIds.SequenceEqual(existing.AdvisorIds)));
            return same
                ? existing
                : throw new PlaneringException(ErrorCode.AlreadyExists,
                    $"request_id was already used for the introduction of group '{existing.GroupId}' of wave '{existing.WaveId}' on {When(existing.Date, existing.StartMinute)}; use a new request_id",
                    "REQUEST_ID_REUSED", [new FieldViolation("request_id", "was already used for another introduction meeting")]);
        }

        if (Schedule.IntroductionOfGroup(request.WaveId, request.GroupId) is { } booked)
        {
            throw new PlaneringException(ErrorCode.AlreadyExists,
                $"group '{request.GroupId}' of wave '{request.WaveId}' has its introduction booked already ({booked.MeetingId}, {When(booked.Date, booked.StartMinute)}): one meeting per group",
                "INTRODUCTION_ALREADY_BOOKED", [new FieldViolation("group_id", "has its introduction meeting booked already")],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["meeting_id"] = booked.MeetingId });
        }

        var (search, query) = await IntroductionSearchAsync(request, huvudman);
        FoundIntroduction found;
        if (request.Choice is { } choice)
        {
            var (slot, rejection) = search.EvaluateIntroduction(query, Schedule, choice.Date, choice.AdvisorIds, choice.StartMinute);
            found = slot ?? throw IntroductionRefusal(rejection!.Value, search, query with { Earliest = choice.Date });
        }
        else
        {
            found = search.FindIntroduction(query, Schedule).Slot ?? throw new PlaneringException(ErrorCode.RuleViolation,
                $"no time for the introduction within {query.HorizonDays} days from {query.Earliest:yyyy-MM-dd}: the advisors are busy or the group's huvudmän have lov; look further (horizon_days) or later (earliest_date)",
                "NO_INTRODUCTION_TIME");
        }

        var meeting = new IntroductionMeetingRecord(
            meetingId, request.RequestId, office.OfficeId, request.WaveId, request.GroupId, found.Date, found.StartMinute, found.EndMinute, found.AdvisorIds,
            huvudman.Select(h => h.OrganisationNumber).ToList(), found.StartUtc, found.EndUtc, clock.GetUtcNow());
        state.State.Introductions[meetingId] = meeting;
        await state.WriteOrReloadAsync(this, () =>
        {
            state.State.Introductions.Remove(meetingId);
            _schedule = null;
        });
        _schedule?.AddIntroduction(meeting.ToDomain());
        await this.PublishPlanChangeAsync(logger, "introduction-booked", office.OfficeId);
        return meeting;
    }

    public async Task<IntroductionMeetingRecord> CancelIntroductionAsync(string meetingId)
    {
        if (!state.State.Introductions.TryGetValue(meetingId, out var meeting))
        {
            throw PlaneringException.NotFound("introduction meeting", meetingId);
        }

        if (!meeting.IsActive)
        {
            return meeting;
        }

        var cancelled = meeting with { CancelledAt = clock.GetUtcNow() };
        state.State.Introductions[meetingId] = cancelled;
        await state.WriteOrReloadAsync(this, () =>
        {
            state.State.Introductions[meetingId] = meeting;
            _schedule = null;
        });
        _schedule?.CancelIntroduction(meetingId, cancelled.CancelledAt!.Value);
        await this.PublishPlanChangeAsync(logger, "introduction-cancelled", meeting.OfficeId);
        return cancelled;
    }

    public Task<IReadOnlyList<IntroductionMeetingRecord>> ListIntroductionsAsync(string? waveId)
    {
        RequireOffice();
        return Task.FromResult<IReadOnlyList<IntroductionMeetingRecord>>(state.State.Introductions.Values
            .Where(m => m.IsActive && (waveId is null || m.WaveId == waveId))
            .OrderBy(m => m.Date).ThenBy(m => m.StartMinute).ThenBy(m => m.MeetingId, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>The search under the live planning parameters and school calendar, and the group's query from the request.</summary>
    private async Task<(SlotSearch Search, IntroductionQuery Query)> IntroductionSearchAsync(IntroductionRequest request, IReadOnlyList<HuvudmanForSlot> huvudman)
    {
        var office = RequireOffice();
        if (huvudman.Count == 0)
        {
            throw PlaneringException.Invalid("group_id", "has no huvudmän");
        }

        var parameters = (await GrainFactory.GetGrain<IPlanningParametersGrain>(GrainKeys.Sweden).GetAsync()).Value;
        var search = new SlotSearch(
            parameters.WorkingTimeFor(office.OfficeId), await SchoolCalendars.ForVersionAsync(GrainFactory, huvudman[0].SchoolCalendarVersion), parameters.WorkloadFor(office.OfficeId));
        var today = StockholmTime.LocalDate(clock.GetUtcNow());
        var from = request.Earliest is { } e && e > today ? e : today;
        return (search, new IntroductionQuery(office.ToScheduling(), huvudman.Select(h => h.ToDomain()).ToList(), from, request.HorizonDays, today));
    }

    /// <summary>A chosen introduction time that cannot be booked: taken (a Conflict naming the next free time) or against a rule.</summary>
    private PlaneringException IntroductionRefusal(RejectionCode rejection, SlotSearch search, IntroductionQuery query)
    {
        var code = RejectionTexts.Code(rejection);
        if (!rejection.MeansTaken())
        {
            return new PlaneringException(ErrorCode.RuleViolation, $"the time breaks a scheduling rule: {code}: {RejectionTexts.English(rejection)}", code);
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = code };
        var message = $"the time is no longer free ({code})";
        if (search.FindIntroduction(query with { HorizonDays = SlotQuery.DefaultHorizonDays }, Schedule).Slot is { } next)
        {
            details["next_date"] = next.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            details["next_local_start"] = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(next.StartMinute)).ToString("HH:mm", CultureInfo.InvariantCulture);
            details["next_advisor_ids"] = string.Join(',', next.AdvisorIds);
            message += $"; next free time: {When(next.Date, next.StartMinute)} with {details["next_advisor_ids"]}";
        }

        return new PlaneringException(ErrorCode.Conflict, message, "SLOT_TAKEN", details: details);
    }

    private static string When(DateOnly date, int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} {TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minute)):HH:mm}");

    private OfficeSchedule Schedule => _schedule ??= new OfficeSchedule(
        state.State.Dialogues.Values.Select(d => d.ToBooking()), state.State.Introductions.Values.Select(m => m.ToDomain()));

    /// <summary>
    /// The search under the live planning parameters: this office's hours and limits, the huvudman's cycle. Offices share
    /// one working time unless the parameters give one its own; FindNextSlot relies on that to skip alternatives that
    /// cannot be earlier.
    /// </summary>
    /// <remarks>The school calendar is the one version the huvudman grain read, built once per silo and shared (<see cref="SchoolCalendars"/>).</remarks>
    private async ValueTask<SlotSearch> SearchForAsync(HuvudmanForSlot huvudman)
    {
        var parameters = huvudman.Parameters!.Value;
        var officeId = this.GetPrimaryKeyString();
        return new(parameters.WorkingTimeFor(officeId), await SchoolCalendars.ForVersionAsync(GrainFactory, huvudman.SchoolCalendarVersion), parameters.WorkloadFor(officeId));
    }

    /// <summary>The huvudman as sent, with the live planning parameters when the caller did not bring them.</summary>
    private async Task<HuvudmanForSlot> WithParametersAsync(HuvudmanForSlot huvudman) =>
        huvudman.Parameters is not null ? huvudman : huvudman with { Parameters = await GrainFactory.GetGrain<IPlanningParametersGrain>(GrainKeys.Sweden).GetAsync() };

    private SlotQuery QueryFor(HuvudmanForSlot huvudman, IReadOnlyList<DialogueMode> modes, DateOnly? earliest, int horizonDays, bool spsm)
    {
        var office = RequireOffice();
        var today = StockholmTime.LocalDate(clock.GetUtcNow());
        var from = earliest is { } e && e > today ? e : today;
        return new SlotQuery(huvudman.ToDomain(), office.ToScheduling(), modes, from, horizonDays, spsm, today);
    }

    /// <summary>
    /// Why a chosen slot cannot be booked: taken by someone else since it was offered (a Conflict, with the next free
    /// slot named so the caller can retry at once), or forbidden by a rule (a RuleViolation).
    /// </summary>
    private PlaneringException Refusal(RejectionCode rejection, SlotSearch search, HuvudmanForSlot huvudman, SlotChoice slot)
    {
        var code = RejectionTexts.Code(rejection);
        if (!rejection.MeansTaken())
        {
            return new PlaneringException(ErrorCode.RuleViolation, $"the slot breaks a scheduling rule: {code}: {RejectionTexts.English(rejection)}", code);
        }

        var next = search.FindEarliest(QueryFor(huvudman, [slot.Mode], slot.Date, SlotQuery.DefaultHorizonDays, slot.SpsmParticipation), Schedule).Slot;
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = code };
        var message = $"the slot is no longer free ({code})";
        if (next is not null)
        {
            details["next_date"] = next.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            details["next_local_start"] = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(next.StartMinute)).ToString("HH:mm", CultureInfo.InvariantCulture);
            details["next_advisor_ids"] = string.Join(',', next.AdvisorIds);
            message += $"; next free slot: {details["next_date"]} {details["next_local_start"]} with {details["next_advisor_ids"]}";
        }

        return new PlaneringException(ErrorCode.Conflict, message, "SLOT_TAKEN", details: details);
    }

    /// <summary>
    /// Writes the state; if the write fails, puts the one changed dialogue back so memory matches storage for calls
    /// already queued, and deactivates, so the next activation reloads the stored state and its version (a conflict
    /// would otherwise leave this activation writing with a stale version for good).
    /// </summary>
    private Task WriteOrRollBackAsync(string dialogueId, DialogueRecord? previous) =>
        state.WriteOrReloadAsync(this, () =>
        {
            if (previous is null)
            {
                state.State.Dialogues.Remove(dialogueId);
            }
            else
            {
                state.State.Dialogues[dialogueId] = previous;
            }

            _schedule = null;
        });

    private OfficeRecord RequireOffice() =>
        state.State.Office ?? throw PlaneringException.NotFound("office", this.GetPrimaryKeyString());
}
