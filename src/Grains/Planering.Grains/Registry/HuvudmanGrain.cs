using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.HuvudmanState")]
public sealed class HuvudmanState
{
    [Id(0)] public HuvudmanRecord? Profile { get; set; }

    /// <summary>The huvudman's dialogues as its offices booked them: a projection of the offices' calendars.</summary>
    [Id(1)] public Dictionary<string, DialogueRecord> Dialogues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A booking sent to an office whose outcome is not yet recorded here (see <see cref="HuvudmanGrain"/>).</summary>
    [Id(2)] public PendingBooking? Pending { get; set; }

    /// <summary>Dates the huvudman cannot take a dialogue.</summary>
    [Id(3)] public List<DateOnly> BlockedDates { get; set; } = [];

    /// <summary>The kommun the huvudman moved from, while that kommun's index shard may still list it.</summary>
    [Id(4)] public string? MovedFromKommun { get; set; }
}

[GenerateSerializer, Immutable, Alias("planering.PendingBooking")]
public sealed record PendingBooking([property: Id(0)] string RequestId, [property: Id(1)] string DialogueId, [property: Id(2)] string OfficeId);

/// <summary>
/// A huvudman: its profile, and its own list of dialogues. The office is the source of truth for a booking; this grain
/// serialises the huvudman's bookings (so it is never booked twice for one cycle) and keeps a projection.
/// Crash safety: before asking the office to book, the grain stores a pending marker with the dialogue id (derived
/// from the request id); after the office answers, it stores the dialogue and clears the marker. If the process dies
/// between the two writes, the next activation finds the marker and asks the office whether the dialogue exists.
/// </summary>
public sealed class HuvudmanGrain(
    [PersistentState("huvudman", StorageNames.Planering)] IPersistentState<HuvudmanState> state,
    TimeProvider clock) : Grain, IHuvudmanGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await AdoptImportedAsync();
        await ResolvePendingAsync();
        await FinishMoveAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<HuvudmanRecord> UpsertAsync(HuvudmanUpsert upsert) => (await UpsertListedAsync(upsert)).Huvudman;

    public async Task<HuvudmanListing> UpsertListedAsync(HuvudmanUpsert upsert)
    {
        var profile = HuvudmanProfile.Create(
            this.GetPrimaryKeyString(), upsert.Name, upsert.Type, upsert.Kommunkod, upsert.Position?.ToDomain(),
            upsert.Pupils, upsert.Synthetic, SwedishGeography.Sweden, upsert.OrganisationNumberSynthetic);
        await FinishMoveAsync();
        var previousKommun = state.State.Profile?.Kommunkod;
        var record = profile.ToRecord(clock.GetUtcNow());

        state.State.Profile = record;
        state.State.MovedFromKommun = previousKommun is not null && previousKommun != record.Kommunkod ? previousKommun : null;
        await state.WriteOrReloadAsync(this);

        return new HuvudmanListing(record, await ListAndPlaceAsync(record));
    }

    public async Task<HuvudmanRecord> GetAsync()
    {
        return RequireProfile();
    }

    public Task<HuvudmanImportOutcome> CompareImportAsync(HuvudmanRecord row, bool rowHasPosition)
    {
        var current = state.State.Profile;
        var (change, merged) = RegisterImport.Merge(current?.ToProfile(), row.ToProfile(), rowHasPosition);
        var record = change == ImportChange.Unchanged ? current! : merged.ToRecord(row.UpdatedAt);
        var previousKommun = current is not null && current.Kommunkod != record.Kommunkod ? current.Kommunkod : null;
        return Task.FromResult(new HuvudmanImportOutcome(change, record, previousKommun));
    }

    public Task CommitImportAsync(HuvudmanRecord imported)
    {
        Adopt(imported);
        return Task.CompletedTask;
    }

    public Task<HuvudmanForSlot> GetForSlotAsync() => ForSlotAsync(RequireProfile());

    public async Task<HuvudmanListing> GetListedAsync()
    {
        var profile = RequireProfile();
        return new HuvudmanListing(profile, await GrainFactory.OfficeOfAsync(profile));
    }

    public async Task<SlotAnswer> FindNextSlotAsync(FindSlotRequest request, CancellationToken cancellationToken = default)
    {
        var profile = RequireProfile();
        var officeId = request.OfficeId ?? await GrainFactory.OfficeOfAsync(profile)
            ?? throw new PlaneringException(ErrorCode.RuleViolation, "the huvudman has no office assigned yet; name one in office_id", "NO_OFFICE");
        var me = await ForSlotAsync(profile);

        var primary = await GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId).FindSlotAsync(me, request, cancellationToken);
        if (primary.Slot is not { } slot)
        {
            var dominant = string.Join(", ", primary.Rejections.Take(3).Select(r => $"{r.Code} ({r.Days} days)"));
            throw new PlaneringException(
                ErrorCode.RuleViolation,
                $"no feasible slot at {officeId} within {request.HorizonDays} days; dominant reasons: {dominant}",
                "NO_SLOT_IN_HORIZON",
                details: primary.Rejections.Take(3).ToDictionary(r => r.Code, r => r.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Searched only where a slot could be earlier (see EarlierElsewhere): most answers ask no other office at all. That
        // reasoning needs every office to keep the same hours; an office with its own hours may be earlier anywhere.
        var scope = me.Parameters!.Value.Offices.Values.Any(o => o.Hours is not null) ? EarlierElsewhere.AnyOffice : primary.EarlierElsewhere;
        var alternatives = scope == EarlierElsewhere.None ? [] : await EarlierElsewhereAsync(me, request, slot, scope, cancellationToken);
        return new SlotAnswer(slot, primary.Rejections, primary.DaysExamined, alternatives);
    }

    public async Task<DialogueRecord> BookAsync(string requestId, SlotChoice slot)
    {
        await ResolvePendingAsync();
        if (state.State.Dialogues.Values.FirstOrDefault(d => d.RequestId == requestId) is { } booked)
        {
            return booked;
        }

        var profile = RequireProfile();
        var me = await ForSlotAsync(profile);
        var dialogueId = DialogueIds.For(slot.OfficeId, requestId);
        state.State.Pending = new PendingBooking(requestId, dialogueId, slot.OfficeId);
        // Nothing is asked of the office until the marker is stored; a failed write leaves a fresh activation to start over.
        await state.WriteOrReloadAsync(this);

        DialogueRecord dialogue;
        try
        {
            dialogue = await GrainFactory.GetGrain<IRegionalOfficeGrain>(slot.OfficeId).BookAsync(dialogueId, requestId, me, slot);
        }
        catch (PlaneringException)
        {
            // The office refused: nothing was booked, so the marker goes.
            state.State.Pending = null;
            await state.WriteOrReloadAsync(this);
            throw;
        }
        catch
        {
            // The outcome is unknown (the office may have booked): keep the marker and let a fresh activation resolve it.
            DeactivateOnIdle();
            throw;
        }

        await RecordAsync(dialogue);
        return dialogue;
    }

    public async Task<DialogueRecord> CancelAsync(string dialogueId, string? reason)
    {
        RequireProfile();
        await ResolvePendingAsync();
        if (!state.State.Dialogues.TryGetValue(dialogueId, out var dialogue))
        {
            throw PlaneringException.NotFound("dialogue", dialogueId);
        }

        var cancelled = await GrainFactory.GetGrain<IRegionalOfficeGrain>(dialogue.Slot.OfficeId).CancelAsync(dialogueId, reason);
        await RecordAsync(cancelled);
        return cancelled;
    }

    public async Task<DialoguePage> ListDialoguesAsync(DialogueFilter filter, int pageSize, string? pageToken)
    {
        RequireProfile();
        await ResolvePendingAsync();
        return DialogueListing.Page(state.State.Dialogues.Values, filter, pageSize, pageToken);
    }

    /// <summary>Up to two slots at other offices that are earlier than the one found, earliest first.</summary>
    /// <remarks>
    /// Only a slot before the one found can be an alternative, so the other offices search up to the found date and no
    /// further: the same answer, but an office that can never fit the trip stops there instead of walking the whole horizon.
    /// With <see cref="EarlierElsewhere.NearerOffice"/> only offices nearer the huvudman than the found one are asked.
    /// </remarks>
    private async Task<IReadOnlyList<SlotRecord>> EarlierElsewhereAsync(
        HuvudmanForSlot me, FindSlotRequest request, SlotRecord found, EarlierElsewhere scope, CancellationToken cancellationToken)
    {
        var offices = await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();
        var team = (await GrainFactory.PlanningParametersAsync()).Workload.AdvisorsPerDialogue;
        var toAsk = AlternativeOffices.ToAsk(
            me.Position.ToDomain(), offices.Select(o => (o.OfficeId, o.Position.ToDomain(), o.Advisors.Count)).ToList(), found.OfficeId, scope, team);

        // Counted from the asked date (or today), never later than where an office starts, so the found date stays inside.
        var from = request.Earliest ?? StockholmTime.LocalDate(clock.GetUtcNow());
        var upToFound = request with { HorizonDays = Math.Clamp(found.Date.DayNumber - from.DayNumber + 1, 1, request.HorizonDays) };
        var answers = await Task.WhenAll(toAsk.Select(officeId =>
            GrainFactory.GetGrain<IRegionalOfficeGrain>(officeId).FindSlotAsync(me, upToFound with { OfficeId = officeId }, cancellationToken)));
        return AlternativeOffices.ToOffer(answers.Select(a => a.Slot).OfType<SlotRecord>(), s => (s.OfficeId, s.StartUtc), found.StartUtc);
    }

    private async Task<HuvudmanForSlot> ForSlotAsync(HuvudmanRecord profile)
    {
        var calendarVersion = await SchoolCalendars.Grain(GrainFactory).GetVersionAsync();
        var parameters = await GrainFactory.GetGrain<IPlanningParametersGrain>(GrainKeys.Sweden).GetAsync();
        var last = state.State.Dialogues.Values.Where(d => d.IsActive).Select(d => (DateOnly?)d.Slot.Date).Max();
        return new HuvudmanForSlot(profile.OrganisationNumber, profile.Name, profile.Kommunkod, profile.Position, profile.Pupils,
            last, state.State.BlockedDates, calendarVersion, parameters);
    }

    private async Task RecordAsync(DialogueRecord dialogue)
    {
        state.State.Dialogues[dialogue.DialogueId] = dialogue;
        if (state.State.Pending?.DialogueId == dialogue.DialogueId)
        {
            state.State.Pending = null;
        }

        // On a failed write a fresh activation reloads storage and resolves the pending marker.
        await state.WriteOrReloadAsync(this);
    }

    /// <summary>
    /// Takes the profile a committed register import stored for this huvudman, when it is newer than the one stored here.
    /// An import keeps its profiles in buckets (<see cref="ImportedProfiles"/>) rather than writing 100,000 grains; the
    /// grain shows the imported profile from activation on and stores it with its next write.
    /// </summary>
    private async Task AdoptImportedAsync()
    {
        var key = this.GetPrimaryKeyString();
        if (key.Length == 10 && await GrainFactory.GetGrain<IHuvudmanIndexGrain>(ImportedProfiles.BucketOf(key)).RecordOfAsync(key) is { } imported)
        {
            Adopt(imported);
        }
    }

    private void Adopt(HuvudmanRecord imported)
    {
        if (state.State.Profile is not { } profile || imported.UpdatedAt > profile.UpdatedAt)
        {
            state.State.Profile = imported;
        }
    }

    /// <summary>Finishes a booking whose outcome was never recorded here: the office's calendar decides.</summary>
    private async Task ResolvePendingAsync()
    {
        if (state.State.Pending is not { } pending)
        {
            return;
        }

        var dialogue = await GrainFactory.GetGrain<IRegionalOfficeGrain>(pending.OfficeId).GetDialogueAsync(pending.DialogueId);
        if (dialogue is not null)
        {
            state.State.Dialogues[dialogue.DialogueId] = dialogue;
        }

        state.State.Pending = null;
        await state.WriteOrReloadAsync(this);
    }

    /// <summary>
    /// Lists the huvudman in its kommun's index shard and gives it its office. After a move it leaves the old kommun's
    /// shard last, and only then forgets where it came from, so a call that fails on the way (or a crash) leaves the
    /// marker that makes the next activation or upsert finish the move instead of leaving it listed twice.
    /// </summary>
    /// <summary>Lists the huvudman in its shard and has the plan place it; the office the plan placed it at.</summary>
    private async Task<string?> ListAndPlaceAsync(HuvudmanRecord profile)
    {
        await GrainFactory.GetGrain<IHuvudmanIndexGrain>(profile.Kommunkod).UpsertAsync(profile);
        var movedFrom = state.State.MovedFromKommun;
        var officeId = await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).PlaceAsync(profile, movedFrom);
        if (movedFrom is not null)
        {
            await GrainFactory.GetGrain<IHuvudmanIndexGrain>(movedFrom).RemoveAsync(profile.OrganisationNumber);
            state.State.MovedFromKommun = null;
            await state.WriteOrReloadAsync(this);
        }

        return officeId;
    }

    /// <summary>Finishes a move an earlier call began but did not complete (see <see cref="ListAndPlaceAsync"/>).</summary>
    private Task FinishMoveAsync() =>
        state.State is { MovedFromKommun: not null, Profile: { } profile } ? ListAndPlaceAsync(profile) : Task.CompletedTask;

    private HuvudmanRecord RequireProfile()
    {
        if (state.State.Profile is { } profile)
        {
            return profile;
        }

        var key = this.GetPrimaryKeyString();
        if (!OrganisationNumber.TryParse(key, out _, out var error))
        {
            throw PlaneringException.Invalid("organisation_number", error);
        }

        throw PlaneringException.NotFound("huvudman", key);
    }
}
