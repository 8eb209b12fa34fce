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

        var request = new TermRequest(office.ToScheduling(), spec.From, spec.To, StockholmTime.LocalDate(clock.GetUtcNow()), huvudman, bookings, spec.SpsmParticipation);
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
            // Per tour: the leg its last stop was tried with, that stop's date, and whether the advisors went there.
            var lastStop = new Dictionary<int, (TourLeg Leg, DateOnly Date, bool Visited)>();
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
                    lastStop[number] = (leg, d.Slot!.Date, outcome.Outcome is CommitOutcome.Booked or CommitOutcome.AlreadyBooked);
                }
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

    private async Task<CommittedDialogueRecord> BookAsync(IRegionalOfficeGrain office, ProposedDialogueRecord d, bool spsm)
    {
        var requestId = RequestIdFor(this.GetPrimaryKey(), d.HuvudmanId);
        var dialogueId = DialogueIds.For(d.OfficeId, requestId);
        if (await office.GetDialogueAsync(dialogueId) is not null)
        {
            return new CommittedDialogueRecord(d.HuvudmanId, d.OfficeId, CommitOutcome.AlreadyBooked, dialogueId, null, null, null, null, []);
        }

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
