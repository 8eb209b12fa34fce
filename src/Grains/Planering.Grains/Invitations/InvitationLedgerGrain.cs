using Planering.Domain.Errors;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Invitations;

[GenerateSerializer, Alias("planering.InvitationLedgerState")]
public sealed class InvitationLedgerState
{
    /// <summary>Per huvudman of the kommun: its invitations, oldest first.</summary>
    [Id(0)] public Dictionary<string, List<InvitationRecord>> ByHuvudman { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The invitations of one kommun's huvudmän: one shard per kommun, as the registry's index, so that a wave or an answer
/// rewrites a kommun's part and never a state that grows with the whole country.
/// </summary>
public sealed class InvitationLedgerGrain(
    [PersistentState("invitations", StorageNames.Planering)] IPersistentState<InvitationLedgerState> state) : Grain, IInvitationLedgerGrain
{
    public Task<IReadOnlyList<InvitationRecord>> LatestAsync() =>
        Task.FromResult<IReadOnlyList<InvitationRecord>>(state.State.ByHuvudman.Values.Where(l => l.Count > 0).Select(l => l[^1]).ToList());

    public async Task RecordAsync(IReadOnlyList<InvitationRecord> invitations)
    {
        var added = false;
        foreach (var invitation in invitations)
        {
            if (!state.State.ByHuvudman.TryGetValue(invitation.HuvudmanId, out var list))
            {
                state.State.ByHuvudman[invitation.HuvudmanId] = list = [];
            }

            if (list.All(i => i.WaveId != invitation.WaveId))
            {
                list.Add(invitation);
                added = true;
            }
        }

        if (added)
        {
            await state.WriteOrReloadAsync(this);
        }
    }

    public async Task<InvitationRecord> AnswerAsync(InvitationAnswerRecord answer, DateOnly today)
    {
        var list = state.State.ByHuvudman.GetValueOrDefault(answer.HuvudmanId);
        var index = list is null ? -1 : answer.WaveId is { } waveId ? list.FindLastIndex(i => i.WaveId == waveId) : list.Count - 1;
        if (list is null || index < 0)
        {
            var what = answer.WaveId is null ? "has not been invited" : $"was not invited in wave '{answer.WaveId}'";
            throw new PlaneringException(ErrorCode.RuleViolation, $"huvudman {answer.HuvudmanId} {what}: commit a wave that invites it first", "NOT_INVITED",
                [new FieldViolation(answer.WaveId is null ? "huvudman_id" : "wave_id", what)]);
        }

        if (index != list.Count - 1)
        {
            throw new PlaneringException(ErrorCode.RuleViolation,
                $"huvudman {answer.HuvudmanId} has been invited again since wave '{answer.WaveId}' (wave '{list[^1].WaveId}'): answer that invitation", "INVITATION_SUPERSEDED",
                [new FieldViolation("wave_id", "has a later invitation")]);
        }

        var current = list[index];
        var answered = current.ToDomain().Answer(answer.Answer, answer.Reason, today).ToRecord();
        if (answered == current)
        {
            return current;
        }

        list[index] = answered;
        try
        {
            await state.WriteOrReloadAsync(this);
        }
        catch
        {
            list[index] = current;
            throw;
        }

        return answered;
    }
}

[GenerateSerializer, Alias("planering.InvitationWaveState")]
public sealed class InvitationWaveState
{
    [Id(0)] public CommittedWaveRecord? Wave { get; set; }

    [Id(1)] public string? Fingerprint { get; set; }
}

/// <summary>One committed wave, stored once: a retried commit finds it here and records nothing again.</summary>
public sealed class InvitationWaveGrain(
    [PersistentState("wave", StorageNames.Planering)] IPersistentState<InvitationWaveState> state) : Grain, IInvitationWaveGrain
{
    public Task<CommittedWaveRecord?> GetAsync() => Task.FromResult(state.State.Wave);

    public Task<string?> FingerprintAsync() => Task.FromResult(state.State.Fingerprint);

    public async Task<IntroductionSlotAnswer> FindIntroductionAsync(IntroductionRequest request)
    {
        var (group, huvudman) = await GroupAsync(request.GroupId);
        return await GrainFactory.GetGrain<IRegionalOfficeGrain>(group.OfficeId).FindIntroductionAsync(request, huvudman);
    }

    public async Task<IntroductionMeetingRecord> BookIntroductionAsync(IntroductionRequest request)
    {
        var (group, huvudman) = await GroupAsync(request.GroupId);
        return await GrainFactory.GetGrain<IRegionalOfficeGrain>(group.OfficeId).BookIntroductionAsync(request, huvudman);
    }

    public async Task<IReadOnlyList<IntroductionGroupMeetingRecord>> IntroductionsAsync()
    {
        var wave = state.State.Wave ?? throw PlaneringException.NotFound("wave", this.GetPrimaryKeyString());
        var offices = wave.Groups.Select(g => g.OfficeId).Distinct(StringComparer.Ordinal).ToList();
        var booked = (await Task.WhenAll(offices.Select(o => GrainFactory.GetGrain<IRegionalOfficeGrain>(o).ListIntroductionsAsync(wave.WaveId))))
            .SelectMany(m => m).ToDictionary(m => m.GroupId, StringComparer.Ordinal);
        return wave.Groups.Select(g => new IntroductionGroupMeetingRecord(g.GroupId, g.OfficeId, g.HuvudmanIds, booked.GetValueOrDefault(g.GroupId))).ToList();
    }

    /// <summary>The wave's group and what the slot search needs of each of its huvudmän (their kommun's lov, blocked dates).</summary>
    private async Task<(IntroductionGroupRecord Group, IReadOnlyList<HuvudmanForSlot> Huvudman)> GroupAsync(string groupId)
    {
        var wave = state.State.Wave ?? throw PlaneringException.NotFound("wave", this.GetPrimaryKeyString());
        var group = wave.Groups.FirstOrDefault(g => g.GroupId == groupId) ?? throw PlaneringException.NotFound("introduction group", groupId);
        var huvudman = await Task.WhenAll(group.HuvudmanIds.Select(id => GrainFactory.GetGrain<IHuvudmanGrain>(id).GetForSlotAsync()));
        return (group, huvudman);
    }

    public async Task<CommittedWaveRecord> StoreAsync(CommittedWaveRecord wave, string fingerprint)
    {
        if (state.State.Wave is { } stored)
        {
            return stored;
        }

        state.State.Wave = wave;
        state.State.Fingerprint = fingerprint;
        await state.WriteOrReloadAsync(this);
        return wave;
    }
}
