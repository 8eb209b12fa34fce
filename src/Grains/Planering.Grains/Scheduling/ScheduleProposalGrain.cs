using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;

namespace Planering.Grains.Scheduling;

[GenerateSerializer, Alias("planering.ScheduleProposalState")]
public sealed class ScheduleProposalState
{
    [Id(0)] public ScheduleProposalSpec? Spec { get; set; }

    /// <summary>The offices scheduled so far, by office id.</summary>
    [Id(1)] public Dictionary<string, OfficeTermRecord> Offices { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public bool Committed { get; set; }
}

/// <summary>
/// A term proposal: reads the live office calendars, the huvudmän assigned to each office and the planning parameters,
/// runs the domain's <see cref="TermScheduler"/> per office, keeps the result; books nothing until <see cref="CommitAsync"/>,
/// which books through the same path as BookDialogue (BookingRequestGrain → HuvudmanGrain → RegionalOfficeGrain), so the
/// office re-checks every slot against its calendar as it is then and publishes the booking to the plan and forecast.
/// </summary>
public sealed class ScheduleProposalGrain(
    [PersistentState("schedule-proposal", StorageNames.Planering)] IPersistentState<ScheduleProposalState> state,
    TimeProvider clock) : Grain, IScheduleProposalGrain
{
    /// <summary>As long as a scenario: the calendars it was computed on have likely moved on by then.</summary>
    public static readonly TimeSpan Lifetime = ScenarioGrain.Lifetime;

    private const int ForSlotBatch = 64;

    public async Task<ScheduleProposalRecord> StartAsync(ScheduleProposalSpec spec)
    {
        if (state.State.Spec is not null)
        {
            throw new PlaneringException(ErrorCode.AlreadyExists, "this proposal was already started", "PROPOSAL_EXISTS");
        }

        var violations = new Violations();
        violations.Require(spec.To >= spec.From, "to_date", "must not be before from_date");
        violations.Require(spec.To.DayNumber - spec.From.DayNumber < ScheduleProposalSpec.MaxPeriodDays, "to_date", $"the period may cover at most {ScheduleProposalSpec.MaxPeriodDays} days");
        violations.ThrowIfAny();

        var offices = await WorldReader.OfficesAsync(GrainFactory);
        var known = offices.Select(o => o.OfficeId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in spec.OfficeIds.Where(id => !known.Contains(id)))
        {
            throw PlaneringException.NotFound("office", id);
        }

        var resolved = spec.OfficeIds.Count > 0 ? spec.OfficeIds.Distinct(StringComparer.Ordinal).ToList() : offices.Select(o => o.OfficeId).ToList();
        state.State.Spec = spec with { OfficeIds = resolved, HuvudmanIds = spec.HuvudmanIds.Distinct(StringComparer.Ordinal).ToList() };
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteOrReloadAsync(this);
        return Record();
    }

    public async Task<OfficeTermRecord> ScheduleOfficeAsync(string officeId, CancellationToken cancellationToken = default)
    {
        var spec = RequireSpec();
        if (!spec.OfficeIds.Contains(officeId, StringComparer.Ordinal))
        {
            throw PlaneringException.Invalid("office_id", "is not one of the proposal's offices");
        }

        if (state.State.Offices.TryGetValue(officeId, out var done))
        {
            return done;
        }

        var office = await GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId).GetAsync();
        var bookings = await AllDialoguesAsync(officeId);
        var wanted = spec.HuvudmanIds.Count > 0 ? spec.HuvudmanIds.ToHashSet(StringComparer.Ordinal) : null;
        var listings = (await WorldReader.HuvudmanAsync(GrainFactory))
            .Where(l => l.OfficeId == officeId && (wanted is null || wanted.Contains(l.Huvudman.OrganisationNumber)))
            .ToList();
        var forSlot = new List<HuvudmanForSlot>(listings.Count);
        foreach (var batch in listings.Chunk(ForSlotBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            forSlot.AddRange(await Task.WhenAll(batch.Select(l => GrainFactory.GetGrain<IHuvudmanGrain>(l.Huvudman.OrganisationNumber).GetForSlotAsync())));
        }

        var parameters = await GrainFactory.PlanningParametersAsync();
        var calendar = forSlot.Count > 0
            ? await SchoolCalendars.ForVersionAsync(GrainFactory, forSlot[0].SchoolCalendarVersion)
            : await SchoolCalendars.CurrentAsync(GrainFactory);
        var workload = parameters.WorkloadFor(officeId);
        var huvudman = new List<TermHuvudman>(forSlot.Count);
        foreach (var h in forSlot)
        {
            var domain = h.ToDomain();
            var due = h.LastDialogueDate is { } last ? workload.NextDueDate(last, domain.CycleMonths) : spec.From;
            if (wanted is null && due > spec.To)
            {
                continue;
            }

            huvudman.Add(new TermHuvudman(domain, spec.Mode ?? TermScheduler.DefaultMode(h.OrganisationNumber, workload.Options.DigitalShare), due));
        }

        var introductions = (await GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId).ListIntroductionsAsync(null)).Select(m => m.ToDomain()).ToList();
        var request = new TermRequest(office.ToScheduling(), spec.From, spec.To, StockholmTime.LocalDate(clock.GetUtcNow()), huvudman, bookings, spec.SpsmParticipation, introductions);
        var search = new SlotSearch(parameters.WorkingTimeFor(officeId), calendar, workload);
        var term = await Task.Run(() => new TermScheduler(search).Schedule(request), cancellationToken);
        var record = term.ToRecord(spec.SpsmParticipation);
        state.State.Offices[officeId] = record;
        await state.WriteOrReloadAsync(this);
        return record;
    }

    public Task<ScheduleProposalRecord> GetAsync()
    {
        RequireSpec();
        return Task.FromResult(Record());
    }

    public async Task<ScheduleCommitRecord> CommitAsync()
    {
        var spec = RequireSpec();
        var record = Record();
        if (record.Pending.Count > 0)
        {
            throw new PlaneringException(ErrorCode.RuleViolation, $"the proposal is not scheduled yet for: {string.Join(", ", record.Pending)}", "PROPOSAL_INCOMPLETE");
        }

        if (!state.State.Committed && clock.GetUtcNow() > record.ExpiresAt)
        {
            throw new PlaneringException(ErrorCode.RuleViolation, $"the proposal expired at {record.ExpiresAt:u}; propose again", "PROPOSAL_EXPIRED");
        }

        var outcomes = new List<CommittedDialogueRecord>();
        foreach (var officeId in spec.OfficeIds)
        {
            var office = GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId);
            // Per tour: the leg its last stop was tried with, that stop's date, and whether the advisors went there; and the
            // last stop they went to (its place in the outcomes).
            var lastStop = new Dictionary<int, (TourLeg Leg, DateOnly Date, bool Visited)>();
            var lastVisited = new Dictionary<int, (ProposedDialogueRecord Dialogue, TourLeg Leg, int Index)>();
            foreach (var d in state.State.Offices[officeId].Dialogues.Where(d => d.Slot is not null).OrderBy(d => d.Sequence))
            {
                var leg = d.Leg?.ToDomain();
                if (leg is not null && d.Trip is { } trip && lastStop.TryGetValue(trip, out var previous) && !previous.Visited)
                {
                    // The stop before was not booked: this stop's travel comes from where the advisors actually were.
                    leg = leg.AfterSkipped(previous.Leg, previous.Date, d.Slot!.Date);
                }

                var outcome = await BookAsync(office, d with { Leg = leg?.ToRecord() }, spec.SpsmParticipation);
                outcomes.Add(outcome);
                if (leg is not null && d.Trip is { } number)
                {
                    var visited = outcome.Outcome is CommitOutcome.Booked or CommitOutcome.AlreadyBooked;
                    lastStop[number] = (leg, d.Slot!.Date, visited);
                    if (visited)
                    {
                        lastVisited[number] = (d, outcome.Code == WayHomeCode ? leg with { End = LegEnd.Home } : leg, outcomes.Count - 1);
                    }
                }
            }

            // A tour cut short (its next stops taken): the last stop the advisors went to was booked going on, not home.
            foreach (var (d, leg, index) in lastVisited.Values.Where(v => v.Leg.End != LegEnd.Home && outcomes[v.Index].Outcome == CommitOutcome.Booked))
            {
                outcomes[index] = await GoHomeAsync(officeId, d, leg, outcomes[index], spec.SpsmParticipation);
            }
        }

        if (!state.State.Committed)
        {
            state.State.Committed = true;
            await state.WriteOrReloadAsync(this);
        }

        return new ScheduleCommitRecord(this.GetPrimaryKey(), outcomes);
    }

    /// <summary>The request id of one proposed dialogue: the same for every commit of this proposal, so a retry replays.</summary>
    public static string RequestIdFor(Guid proposalId, string huvudmanId) => $"term-{proposalId:N}-{huvudmanId}";

    /// <summary>The code on a stop rebooked with the way home because the tour's next stops were not booked.</summary>
    public const string WayHomeCode = "TOUR_CUT_SHORT";

    /// <summary>
    /// Rebooks the stop a tour was cut short after with the way home instead of the way on: when the slot search accepts
    /// that leg on the office's calendar without the stop, the stop is cancelled and booked again with it (request id
    /// suffixed <c>-home</c>, so a retry finds it); otherwise it stays as booked, and the answer says so.
    /// </summary>
    private async Task<CommittedDialogueRecord> GoHomeAsync(string officeId, ProposedDialogueRecord d, TourLeg leg, CommittedDialogueRecord booked, bool spsm)
    {
        var home = leg with { End = LegEnd.Home };
        var slot = d.Slot!;
        var huvudman = GrainFactory.GetGrain<IHuvudmanGrain>(d.HuvudmanId);
        var office = await GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId).GetAsync();
        var parameters = await GrainFactory.PlanningParametersAsync();
        var me = await huvudman.GetForSlotAsync();
        var calendar = await SchoolCalendars.ForVersionAsync(GrainFactory, me.SchoolCalendarVersion);
        var search = new SlotSearch(parameters.WorkingTimeFor(officeId), calendar, parameters.WorkloadFor(officeId));
        var schedule = new OfficeSchedule((await AllDialoguesAsync(officeId)).Where(b => b.DialogueId != booked.DialogueId));
        // The huvudman's last dialogue is now this one: its cycle held when it was booked on this date, and the office's
        // check of the rebooking (after the cancel) applies it again against the dialogue before.
        var query = new SlotQuery(me.ToDomain() with { LastDialogueDate = null }, office.ToScheduling(), [slot.Mode], slot.Date, 1, spsm, StockholmTime.LocalDate(clock.GetUtcNow()));
        var (found, rejection) = search.Check(query, schedule, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, home);
        if (found is null)
        {
            return booked with { Code = WayHomeCode, Message = $"the tour's next stops were not booked, and the way home from here does not fit ({RejectionTexts.Code(rejection ?? RejectionCode.AdvisorsBusy)}): the trip ends here as booked" };
        }

        await huvudman.CancelAsync(booked.DialogueId!, "the tour's next stops were taken: booked again with the way home");
        var again = await BookAsync(GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId), d with { Leg = home.ToRecord() }, spsm, "-home");
        return again.Outcome == CommitOutcome.Booked
            ? again with { Code = WayHomeCode, Message = "the tour's next stops were taken: booked again with the way home from here" }
            : again;
    }

    private async Task<CommittedDialogueRecord> BookAsync(IRegionalOfficeGrain office, ProposedDialogueRecord d, bool spsm, string suffix = "")
    {
        var requestId = RequestIdFor(this.GetPrimaryKey(), d.HuvudmanId);
        var dialogueId = DialogueIds.For(d.OfficeId, requestId);
        var homeId = DialogueIds.For(d.OfficeId, requestId + "-home");
        if (await office.GetDialogueAsync(homeId) is not null)
        {
            // An earlier commit cut the tour short here and booked the way home.
            return new CommittedDialogueRecord(d.HuvudmanId, d.OfficeId, CommitOutcome.AlreadyBooked, homeId, WayHomeCode, null, null, null, []);
        }

        if (suffix.Length == 0 && await office.GetDialogueAsync(dialogueId) is not null)
        {
            return new CommittedDialogueRecord(d.HuvudmanId, d.OfficeId, CommitOutcome.AlreadyBooked, dialogueId, null, null, null, null, []);
        }

        requestId += suffix;
        var slot = d.Slot!;
        var choice = new SlotChoice(d.OfficeId, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, spsm, null, d.Leg);
        try
        {
            var booked = await GrainFactory.GetGrain<IBookingRequestGrain>(requestId).BookAsync(d.HuvudmanId, choice);
            return new CommittedDialogueRecord(d.HuvudmanId, d.OfficeId, CommitOutcome.Booked, booked.DialogueId, null, null, null, null, []);
        }
        catch (PlaneringException taken) when (taken.Code == ErrorCode.Conflict)
        {
            var details = taken.Details;
            return new CommittedDialogueRecord(
                d.HuvudmanId, d.OfficeId, CommitOutcome.Taken, null, details.GetValueOrDefault("rule") ?? taken.Reason, taken.Message,
                details.TryGetValue("next_date", out var next) ? DateOnly.ParseExact(next, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                details.GetValueOrDefault("next_local_start"),
                details.TryGetValue("next_advisor_ids", out var advisors) ? advisors.Split(',') : []);
        }
        catch (PlaneringException refused) when (refused.Code is ErrorCode.RuleViolation or ErrorCode.NotFound)
        {
            return new CommittedDialogueRecord(d.HuvudmanId, d.OfficeId, CommitOutcome.Refused, null, refused.Reason, refused.Message, null, null, []);
        }
    }

    private async Task<List<Booking>> AllDialoguesAsync(string officeId)
    {
        var all = new List<Booking>();
        string? token = null;
        do
        {
            var page = await GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, false), DialogueListing.MaxPageSize, token);
            all.AddRange(page.Items.Select(d => d.ToBooking()));
            token = page.NextPageToken;
        }
        while (token is not null);

        return all;
    }

    private ScheduleProposalSpec RequireSpec() =>
        state.State.Spec ?? throw PlaneringException.NotFound("schedule proposal", this.GetPrimaryKey().ToString());

    private ScheduleProposalRecord Record()
    {
        var spec = state.State.Spec!;
        var offices = spec.OfficeIds.Where(state.State.Offices.ContainsKey).Select(id => state.State.Offices[id]).ToList();
        return new ScheduleProposalRecord(
            this.GetPrimaryKey(), spec, offices, ScheduleProposalMapping.Sum(offices.Select(o => o.Totals)), state.State.CreatedAt,
            state.State.CreatedAt + Lifetime, spec.OfficeIds.Where(id => !state.State.Offices.ContainsKey(id)).ToList(), state.State.Committed);
    }
}
