using System.Globalization;
using Microsoft.Extensions.Logging;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Invitations;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Invitations;

[GenerateSerializer, Alias("planering.InvitationState")]
public sealed class InvitationState
{
    /// <summary>The ids of the committed waves, in the order committed.</summary>
    [Id(0)] public List<string> Waves { get; set; } = [];
}

/// <summary>
/// The single writer of invitations (restore → domain → persist): a proposal reads the live world and asks
/// <see cref="WavePlanner"/>; a commit checks each huvudman against the same rules, writes the kommun ledgers (each
/// skips an invitation of this wave it already holds), then stores the wave; so a retry after a failure anywhere
/// completes the same wave and records nothing twice. Answers go to the huvudman's kommun ledger. Not reentrant: a
/// commit never interleaves with another commit or an answer.
/// </summary>
public sealed partial class InvitationGrain(
    [PersistentState("invitations", StorageNames.Planering)] IPersistentState<InvitationState> state,
    TimeProvider clock,
    ILogger<InvitationGrain> logger) : Grain, IInvitationGrain
{
    public async Task<WaveProposalRecord> ProposeAsync(WaveRequestRecord request)
    {
        var today = Today();
        var wanted = new WaveRequest(request.Size, request.PeriodStart, request.PeriodEnd, request.OfficeIds) { WaveId = request.WaveId };
        WavePlanner.Validate(wanted, today);
        var world = await InvitationWorld.ReadAsync(GrainFactory, today);
        var unknown = request.OfficeIds.Where(id => world.Offices.All(o => o.OfficeId != id)).ToList();
        if (unknown.Count > 0)
        {
            throw PlaneringException.NotFound("office", string.Join(", ", unknown));
        }

        var parameters = await GrainFactory.PlanningParametersAsync();
        var school = await SchoolCalendars.CurrentAsync(GrainFactory);

        // The capacity model's slot figure for the period: what the office can hold under its limits, staff and lov.
        var offices = world.Offices.Select(o => new WaveOffice(o.OfficeId, parameters.CapacityFor(o.OfficeId, school)
            .Dialogues(o.Advisors.Select(a => a.ToDomain()).ToList(), o.Kommunkod, request.PeriodStart, request.PeriodEnd.AddDays(1)))).ToList();
        var candidates = world.Huvudman.Where(l => l.OfficeId is not null).Select(world.Candidate).ToList();
        var proposal = WavePlanner.Propose(wanted, candidates, offices, parameters, today);
        return proposal.ToRecord(parameters.Version);
    }

    public async Task<CommittedWaveRecord> CommitAsync(WaveCommitRecord wave)
    {
        var today = Today();
        var waveGrain = GrainFactory.GetGrain<IInvitationWaveGrain>(wave.WaveId);
        if (await waveGrain.GetAsync() is { } stored)
        {
            if (await waveGrain.FingerprintAsync() != wave.Fingerprint)
            {
                throw new PlaneringException(ErrorCode.AlreadyExists,
                    $"wave '{wave.WaveId}' was already committed with other huvudmän or another period; use a new wave_id", "WAVE_ID_REUSED",
                    [new FieldViolation("wave_id", "was already used for a different wave")]);
            }

            return stored with { AlreadyCommitted = true };
        }

        WavePlanner.Validate(new WaveRequest(wave.HuvudmanIds.Count, wave.PeriodStart, wave.PeriodEnd, []), today);
        var world = await InvitationWorld.ReadAsync(GrainFactory, today);
        var parameters = await GrainFactory.PlanningParametersAsync();
        var listings = world.Huvudman.ToDictionary(l => l.Huvudman.OrganisationNumber, StringComparer.Ordinal);
        var missing = wave.HuvudmanIds.Where(id => !listings.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw PlaneringException.NotFound("huvudman", string.Join(", ", missing.Take(10)));
        }

        var invitees = wave.HuvudmanIds.Select(id => world.Candidate(listings[id])).ToList();
        var refused = invitees
            .Select(c => (c.Id, Why: c.OfficeId.Length == 0 ? "has no office assigned" : Text(WavePlanner.Eligibility(c, parameters, wave.PeriodStart, wave.PeriodEnd, wave.WaveId))))
            .Where(r => r.Why is not null)
            .ToList();
        if (refused.Count > 0)
        {
            throw new PlaneringException(ErrorCode.RuleViolation,
                $"{refused.Count.ToString(CultureInfo.InvariantCulture)} of the huvudmän cannot be invited now: "
                + string.Join("; ", refused.Take(10).Select(r => $"{r.Id} {r.Why}")) + (refused.Count > 10 ? "; …" : string.Empty),
                "NOT_ELIGIBLE",
                refused.Take(100).Select(r => new FieldViolation($"huvudman_ids[{wave.HuvudmanIds.ToList().IndexOf(r.Id).ToString(CultureInfo.InvariantCulture)}]", r.Why!)));
        }

        var (invitations, groups) = WavePlanner.Invite(wave.WaveId, today, wave.PeriodStart, wave.PeriodEnd, invitees, parameters);
        var kommunOf = wave.HuvudmanIds.ToDictionary(id => id, id => listings[id].Huvudman.Kommunkod, StringComparer.Ordinal);
        await Task.WhenAll(invitations.GroupBy(i => kommunOf[i.HuvudmanId], StringComparer.Ordinal).Select(g =>
            GrainFactory.GetGrain<IInvitationLedgerGrain>(g.Key).RecordAsync(g.Select(i => i.ToRecord()).ToList())));

        var committed = await waveGrain.StoreAsync(
            new CommittedWaveRecord(wave.WaveId, today, wave.PeriodStart, wave.PeriodEnd, invitations.Select(i => i.ToRecord()).ToList(),
                groups.Select(g => new IntroductionGroupRecord(g.GroupId, g.OfficeId, g.HuvudmanIds)).ToList(), false),
            wave.Fingerprint);
        if (!state.State.Waves.Contains(wave.WaveId))
        {
            state.State.Waves.Add(wave.WaveId);
            await state.WriteOrReloadAsync(this);
        }

        LogCommitted(logger, wave.WaveId, invitations.Count, groups.Count);
        await this.PublishPlanChangeAsync(logger, "invitations-changed", null);
        return committed;
    }

    public async Task<InvitationRecord> AnswerAsync(InvitationAnswerRecord answer)
    {
        var huvudman = await GrainFactory.GetGrain<IHuvudmanGrain>(answer.HuvudmanId).GetAsync();
        var before = (await GrainFactory.GetGrain<IInvitationLedgerGrain>(huvudman.Kommunkod).LatestAsync()).FirstOrDefault(i => i.HuvudmanId == answer.HuvudmanId);
        var answered = await GrainFactory.GetGrain<IInvitationLedgerGrain>(huvudman.Kommunkod).AnswerAsync(answer, Today());
        if (answered != before)
        {
            await this.PublishPlanChangeAsync(logger, "invitations-changed", answered.OfficeId);
        }

        return answered;
    }

    public async Task<CoverageRecord> CoverageAsync()
    {
        var today = Today();
        var world = await InvitationWorld.ReadAsync(GrainFactory, today);
        var parameters = await GrainFactory.PlanningParametersAsync();
        var cycle = MandateCycle.Containing(parameters.MandateStart, parameters.Workload.CycleMonths, today);
        var huvudman = world.Huvudman.Select(l =>
        {
            var c = world.Candidate(l);
            return new CoverageHuvudman(c.Id, l.OfficeId, c.LastDialogue, c.BookedDialogue, c.LatestInvitation);
        }).ToList();
        return MandateCoverage.Compute(huvudman, cycle, today).ToRecord(state.State.Waves.Count);
    }

    private static string? Text(WavePlanner.Ineligible why) => why switch
    {
        WavePlanner.Ineligible.DialogueBooked => "has a dialogue booked",
        WavePlanner.Ineligible.OpenInvitation => "has an open or accepted invitation",
        WavePlanner.Ineligible.DeclinedThisCycle => "declined less than a cycle ago (invited again in the next cycle)",
        WavePlanner.Ineligible.NotDue => "held a dialogue less than a cycle before the period ends",
        _ => null,
    };

    private DateOnly Today() => StockholmTime.LocalDate(clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation wave {WaveId} committed: {Invitations} huvudmän in {Groups} introduction groups")]
    private static partial void LogCommitted(ILogger logger, string waveId, int invitations, int groups);
}
