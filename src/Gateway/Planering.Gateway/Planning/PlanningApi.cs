using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Gateway.Errors;
using Planering.Gateway.Registry;
using Planering.Gateway.Security;
using Planering.Grains.Hosting;
using Planering.Grains.Invitations;
using Planering.Grains.Planning;
using Planering.Grains.Registry;

namespace Planering.Gateway.Planning;

/// <summary><c>planering.v1.PlanningService</c>: checks the request's shape, forwards to the planning grains, maps back.</summary>
public sealed partial class PlanningApi(IGrainFactory grains, PlaceNamesCache places) : PlanningService.PlanningServiceBase
{
    public const int DefaultK = 5;
    public const int MaxK = 50;
    public const int DefaultAdvisors = 6;
    public const int MaxAdvisors = 200;

    /// <summary>The most offices one wave may open (the domain's <c>SiteWave.MaxSites</c>; a parity test ties them).</summary>
    public const int MaxWaveSites = 6;

    private IPlanningGrain Plan => grains.GetGrain<IPlanningGrain>(GrainKeys.Sweden);

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context) => (await Plan.GetPlanAsync()).ToMessage();

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<Plan> Rebalance(RebalanceRequest request, ServerCallContext context) => (await Plan.RebalanceAsync(context.CancellationToken)).ToMessage();

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<ScenarioResult> SimulateOpenOffice(SimulateOpenOfficeRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.Required(violations, "name", request.Name, 100);
        RequestShape.OfficeId(violations, "office_id", request.OfficeId, required: false);
        violations.Require(request.Kommunkod.Length > 0 || request.Position is not null, "kommunkod", "give a kommunkod or a position");
        RequestShape.Position(violations, "position", request.Position);
        violations.Require(request.Advisors is >= 0 and <= MaxAdvisors, "advisors", $"must be between 1 and {MaxAdvisors}");
        violations.Require(request.Advisors > 0 || request.Staff.Count > 0, "advisors", "give a number of advisors or the staff");
        violations.Require(request.Advisors == 0 || request.Staff.Count == 0, "staff", "give either advisors or staff, not both");
        var opening = RequestShape.OptionalDate(violations, "opening_date", request.OpeningDate);
        var staff = RegistryApi.Advisors(violations, request.Staff, "staff");
        violations.Require(request.AdvisorsPerOffice is >= 0 and <= MaxAdvisors, "advisors_per_office", $"must be between 0 and {MaxAdvisors} (0 keeps each office's staff)");
        var assumed = request.Parameters?.ToDomain(violations, "parameters.");
        if (assumed is not null && violations.Any)
        {
            // The version of a scenario's own set is not checked (it is ignored); the rest is named in full.
            violations.AddRuleViolations(assumed with { Version = Domain.Parameters.PlanningParameters.FirstVersion }, "parameters.");
        }

        violations.ThrowIfAny();

        var scenario = assumed is null && request.AdvisorsPerOffice == 0
            ? null
            : new ScenarioParameters(assumed is null ? null : PlanningParametersDocument.From(assumed), request.AdvisorsPerOffice);
        // "N advisors" is forwarded as a count: the scenario grain staffs the office (one definition of that staff).
        var spec = new OfficeSpec(
            request.OfficeId, request.Name, request.Kommunkod.Length > 0 ? request.Kommunkod : null, request.Position.ToRecord(), staff, opening, scenario,
            AdvisorCount: request.Advisors);
        return (await grains.GetGrain<IScenarioGrain>(Guid.NewGuid()).SimulateOpenOfficeAsync(spec, context.CancellationToken)).ToMessage();
    }

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task RankOfficeSites(RankOfficeSitesRequest request, IServerStreamWriter<RankOfficeSitesProgress> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.K is >= 0 and <= MaxK, "k", $"must be between 1 and {MaxK} (0 means {DefaultK})");
        violations.Require(request.Advisors is >= 0 and <= MaxAdvisors, "advisors", $"must be between 1 and {MaxAdvisors} (0 means {DefaultAdvisors})");
        violations.Require(request.Sites is >= 0 and <= MaxWaveSites, "sites", $"must be between 0 and {MaxWaveSites} (0 or 1: no wave)");
        violations.ThrowIfAny();

        // The rules themselves are checked where they are applied (the ranking grain), against Sweden's kommuner.
        var r = request.Rules ?? new SitingRules();
        var rules = new SitingRulesInput(
            r.HasRequireLarosate ? r.RequireLarosate : null, r.HasMaxLarosateKm ? r.MaxLarosateKm : null,
            r.HasMinOfficeDistanceKm ? r.MinOfficeDistanceKm : null, r.HasPreferSpsm ? r.PreferSpsm : null,
            [.. r.SpsmKommunkoder], [.. r.ExcludedKommunkoder], [.. r.InsistedKommunkoder]);
        var ranking = new SiteRankingRequest(rules, request.K == 0 ? DefaultK : request.K, request.Advisors == 0 ? DefaultAdvisors : request.Advisors,
            request.IncludeIneligible, request.Sites);
        var names = await places.GetAsync();
        await foreach (var step in grains.GetGrain<ISiteRankingRunGrain>(Guid.NewGuid()).RankAsync(ranking, context.CancellationToken).WithCancellation(context.CancellationToken))
        {
            var message = new RankOfficeSitesProgress { Evaluated = step.Evaluated, Total = step.Total, Done = step.Done, WaveSitesChosen = step.WaveSitesChosen, Eligible = step.Eligible };
            if (step.Done)
            {
                message.Rules = step.Rules!.ToMessage();
                message.ByTravelSaved.AddRange(step.ByTravelSaved!.Select(x => x.ToMessage(names)));
                message.ByTimeToCover.AddRange(step.ByTimeToCover!.Select(x => x.ToMessage(names)));
                message.Wave = step.Wave?.ToMessage(WaveMethod, names);
            }

            await responseStream.WriteAsync(message, context.CancellationToken);
        }
    }

    private const string WaveMethod =
        "greedy with re-evaluation: each step screens every kommun that meets the rules with the earlier sites open, re-solves the 8 best in full " +
        "and opens the one that saves the most travel; the combined figures are one full re-solve of the live plan with every site open";

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<PlanningParameters> GetPlanningParameters(GetPlanningParametersRequest request, ServerCallContext context) =>
        (await Parameters.GetAsync()).Value.ToMessage();

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<PlanningParameters> SetPlanningParameters(PlanningParameters request, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.Version >= 1, "version", "is required: the version GetPlanningParameters answered");
        var proposed = request.ToDomain(violations);
        if (violations.Any)
        {
            violations.AddRuleViolations(proposed);
        }

        violations.ThrowIfAny();
        return (await Parameters.SetAsync(PlanningParametersDocument.From(proposed))).Value.ToMessage();
    }

    private IPlanningParametersGrain Parameters => grains.GetGrain<IPlanningParametersGrain>(GrainKeys.Sweden);

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<Plan> CommitScenario(CommitScenarioRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ScenarioId, out var id))
        {
            throw PlaneringException.Invalid("scenario_id", "must be a scenario id returned by SimulateOpenOffice");
        }

        return (await grains.GetGrain<IScenarioGrain>(id).CommitAsync()).ToMessage();
    }

    private IInvitationGrain Invitations => grains.GetGrain<IInvitationGrain>(GrainKeys.Sweden);

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<InvitationWaveProposal> ProposeInvitationWave(ProposeInvitationWaveRequest request, ServerCallContext context) =>
        (await Invitations.ProposeAsync(request.ToRecord())).ToMessage();

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<InvitationWave> CommitInvitationWave(CommitInvitationWaveRequest request, ServerCallContext context) =>
        (await Invitations.CommitAsync(request.ToRecord())).ToMessage();

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<Invitation> RecordInvitationAnswer(RecordInvitationAnswerRequest request, ServerCallContext context) =>
        (await Invitations.AnswerAsync(request.ToRecord())).ToMessage();

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<Coverage> GetCoverage(GetCoverageRequest request, ServerCallContext context) =>
        (await Invitations.CoverageAsync()).ToMessage();
}
