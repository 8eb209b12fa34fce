using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Gateway.Errors;
using Planering.Gateway.Security;
using Planering.Grains.Scheduling;
using DomainMode = Planering.Domain.Workload.DialogueMode;

namespace Planering.Gateway.Scheduling;

/// <summary>Term scheduling: ProposeSchedule, GetScheduleProposal, CommitSchedule (docs/term-scheduling.md).</summary>
public sealed partial class SchedulingApi
{
    /// <summary>The most huvudmän one proposal may list by id.</summary>
    private const int MaxProposalHuvudman = 100_000;

    private const int MaxProposalOffices = 200;

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task ProposeSchedule(ProposeScheduleRequest request, IServerStreamWriter<ProposeScheduleProgress> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.OfficeIds.Count <= MaxProposalOffices, "office_ids", $"at most {MaxProposalOffices}");
        for (var i = 0; i < request.OfficeIds.Count && i < MaxProposalOffices; i++)
        {
            RequestShape.OfficeId(violations, $"office_ids[{i}]", request.OfficeIds[i]);
        }

        var from = PlanningDate(violations, "from_date", request.FromDate);
        var to = PlanningDate(violations, "to_date", request.ToDate);
        violations.Require(request.FromDate.Length > 0, "from_date", "is required (YYYY-MM-DD)");
        violations.Require(request.ToDate.Length > 0, "to_date", "is required (YYYY-MM-DD)");
        if (from is { } f && to is { } t)
        {
            violations.Require(t >= f, "to_date", "must not be before from_date");
            violations.Require(t.DayNumber - f.DayNumber < ScheduleProposalSpec.MaxPeriodDays, "to_date", $"the period may cover at most {ScheduleProposalSpec.MaxPeriodDays} days");
        }

        violations.Require(request.HuvudmanIds.Count <= MaxProposalHuvudman, "huvudman_ids", $"at most {MaxProposalHuvudman}");
        for (var i = 0; i < request.HuvudmanIds.Count && i < MaxProposalHuvudman; i++)
        {
            RequestShape.OrganisationNumber(violations, $"huvudman_ids[{i}]", request.HuvudmanIds[i]);
        }

        RequestShape.KnownEnum(violations, "mode", request.Mode, allowUnspecified: true);
        violations.ThrowIfAny();

        DomainMode? mode = request.Mode switch
        {
            DialogueMode.Digital => DomainMode.Digital,
            DialogueMode.OnSite => DomainMode.OnSite,
            _ => null,
        };
        var id = Guid.NewGuid();
        var proposal = grains.GetGrain<IScheduleProposalGrain>(id);
        var started = await proposal.StartAsync(new ScheduleProposalSpec(request.OfficeIds.ToList(), from!.Value, to!.Value, request.HuvudmanIds.ToList(), mode, request.SpsmParticipation));

        // One office per call, a progress message after each (as RankOfficeSites streams its batches).
        var placed = 0;
        var done = 0;
        foreach (var officeId in started.Pending)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var term = await proposal.ScheduleOfficeAsync(officeId, context.CancellationToken);
            placed += term.Totals.Placed;
            done++;
            var progress = new ProposeScheduleProgress { ProposalId = id.ToString(), OfficesDone = done, OfficesTotal = started.Pending.Count, Placed = placed, OfficeId = officeId };
            if (done == started.Pending.Count)
            {
                progress.Proposal = (await proposal.GetAsync()).ToMessage();
            }

            await responseStream.WriteAsync(progress, context.CancellationToken);
        }

        if (started.Pending.Count == 0)
        {
            await responseStream.WriteAsync(new ProposeScheduleProgress { ProposalId = id.ToString(), Proposal = (await proposal.GetAsync()).ToMessage() }, context.CancellationToken);
        }
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<ScheduleProposal> GetScheduleProposal(GetScheduleProposalRequest request, ServerCallContext context) =>
        (await grains.GetGrain<IScheduleProposalGrain>(ProposalId(request.ProposalId)).GetAsync()).ToMessage();

    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<CommitScheduleResponse> CommitSchedule(CommitScheduleRequest request, ServerCallContext context) =>
        (await grains.GetGrain<IScheduleProposalGrain>(ProposalId(request.ProposalId)).CommitAsync()).ToMessage();

    private static Guid ProposalId(string value)
    {
        var violations = new Violations();
        violations.Require(Guid.TryParse(value, out var id), "proposal_id", "must be a proposal id (a UUID)");
        violations.ThrowIfAny();
        return id;
    }
}
