using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Domain.World;
using Planering.Gateway.Errors;
using Planering.Gateway.Registry;
using Planering.Gateway.Security;
using Planering.Grains.Hosting;
using Planering.Grains.Invitations;
using Planering.Grains.Planning;
using Planering.Grains.Registry;

using DomainWave = Planering.Domain.Siting.SiteWave;
using SiteOrdering = Planering.Domain.Siting.SiteOrdering;
using SiteRankKey = Planering.Domain.Siting.SiteRankKey;

namespace Planering.Gateway.Planning;

/// <summary><c>planering.v1.PlanningService</c>: checks the request's shape, forwards to the planning grains, maps back.</summary>
public sealed class PlanningApi(IGrainFactory grains) : PlanningService.PlanningServiceBase
{
    public const int DefaultK = 5;
    public const int MaxK = 50;
    public const int DefaultAdvisors = 6;
    public const int MaxAdvisors = 200;

    /// <summary>Kommuner per screening call: small enough to report progress often, large enough to keep both cores busy.</summary>
    private const int ScreeningBatch = 30;

    /// <summary>
    /// Full re-solves per call: a handful, so that a call stays far inside the 30 s grain response timeout on a loaded
    /// machine even when k = 50 asks for up to 100 of them.
    /// </summary>
    private const int ExactBatch = 5;

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

        var officeId = request.OfficeId;
        if (request.Advisors > 0)
        {
            var prefix = officeId.Length > 0 ? officeId : "new";
            staff = Enumerable.Range(1, request.Advisors)
                .Select(n => new AdvisorRecord($"{prefix}-{n}", $"Rådgivare {n}", 1.0, RegistryMapping.Weekdays, []))
                .ToList();
        }

        var scenario = assumed is null && request.AdvisorsPerOffice == 0
            ? null
            : new ScenarioParameters(assumed is null ? null : PlanningParametersDocument.From(assumed), request.AdvisorsPerOffice);
        var spec = new OfficeSpec(officeId, request.Name, request.Kommunkod.Length > 0 ? request.Kommunkod : null, request.Position.ToRecord(), staff, opening, scenario);
        return (await grains.GetGrain<IScenarioGrain>(Guid.NewGuid()).SimulateOpenOfficeAsync(spec, context.CancellationToken)).ToMessage();
    }

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task RankOfficeSites(RankOfficeSitesRequest request, IServerStreamWriter<RankOfficeSitesProgress> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        violations.Require(request.K is >= 0 and <= MaxK, "k", $"must be between 1 and {MaxK} (0 means {DefaultK})");
        violations.Require(request.Advisors is >= 0 and <= MaxAdvisors, "advisors", $"must be between 1 and {MaxAdvisors} (0 means {DefaultAdvisors})");
        violations.Require(request.Sites is >= 0 and <= DomainWave.MaxSites, "sites", $"must be between 0 and {DomainWave.MaxSites} (0 or 1: no wave)");
        var r = request.Rules ?? new SitingRules();
        SitingRulesRecord? rules = null;
        try
        {
            rules = SitingMapping.Rules(
                r.HasRequireLarosate ? r.RequireLarosate : null, r.HasMaxLarosateKm ? r.MaxLarosateKm : null,
                r.HasMinOfficeDistanceKm ? r.MinOfficeDistanceKm : null, r.HasPreferSpsm ? r.PreferSpsm : null,
                r.SpsmKommunkoder, r.ExcludedKommunkoder, r.InsistedKommunkoder);
        }
        catch (PlaneringException e) when (e.Code == Planering.Domain.Errors.ErrorCode.InvalidArgument)
        {
            foreach (var v in e.Violations)
            {
                violations.Add(v.Field, v.Description);
            }
        }

        violations.ThrowIfAny();
        var applied = rules!;
        var k = request.K == 0 ? DefaultK : request.K;
        var advisors = request.Advisors == 0 ? DefaultAdvisors : request.Advisors;

        var candidates = SwedishGeography.Sweden.Kommuner.Select(x => x.Kommunkod).ToList();
        var ranking = grains.GetGrain<ISiteRankingGrain>(0);
        var total = candidates.Count;

        // Screen every kommun quickly and judge it against the rules, two batches at a time (one per core)…
        var screened = new List<SiteEvaluationRecord>(total);
        var batches = candidates.Chunk(ScreeningBatch).ToList();
        for (var i = 0; i < batches.Count; i += 2)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var done = await Task.WhenAll(batches.Skip(i).Take(2).Select(b => ranking.EvaluateAsync(new SiteEvaluationQuery(b, advisors, false, applied), context.CancellationToken)));
            screened.AddRange(done.SelectMany(d => d));
            await responseStream.WriteAsync(new RankOfficeSitesProgress { Evaluated = screened.Count, Total = total }, context.CancellationToken);
        }

        // …then re-solve the leaders of both rankings in full, with a margin, and rank on the exact figures. Unless the
        // caller asked for every kommun, only those that meet the rules take part.
        var ranked = screened.Where(s => request.IncludeIneligible || s.Judgement!.Eligible).ToList();
        var leaders = SiteOrdering.Leaders(ranked, Key, 2 * k);
        var exact = new Dictionary<string, SiteEvaluationRecord>(StringComparer.Ordinal);
        var exactBatches = leaders.Chunk(ExactBatch).ToList();
        for (var i = 0; i < exactBatches.Count; i += 2)
        {
            var done = await Task.WhenAll(exactBatches.Skip(i).Take(2).Select(b => ranking.EvaluateAsync(new SiteEvaluationQuery(b, advisors, true, applied), context.CancellationToken)));
            foreach (var e in done.SelectMany(d => d))
            {
                exact[e.Kommunkod] = e;
            }
        }

        var results = ranked.Select(s => exact.GetValueOrDefault(s.Kommunkod, s)).ToList();

        var final = new RankOfficeSitesProgress { Evaluated = total, Total = total, Done = true, Rules = applied.ToMessage(), Eligible = screened.Count(s => s.Judgement!.Eligible) };
        final.ByTravelSaved.AddRange(SiteOrdering.ByTravelSaved(results, Key).Take(k).Select(x => x.ToMessage()));
        final.ByTimeToCover.AddRange(SiteOrdering.ByTimeToCover(results, Key).Take(k).Select(x => x.ToMessage()));
        if (request.Sites > 1)
        {
            // A wave, one step per call (each step screens the eligible kommuner with the earlier sites open).
            var sites = new List<WaveSiteRecord>(request.Sites);
            while (sites.Count < request.Sites
                && await ranking.NextWaveSiteAsync(applied, advisors, sites.Select(s => s.Site.Kommunkod).ToList(), context.CancellationToken) is { } next)
            {
                sites.Add(next);
                await responseStream.WriteAsync(new RankOfficeSitesProgress { Evaluated = total, Total = total, WaveSitesChosen = sites.Count }, context.CancellationToken);
            }

            final.Wave = (await ranking.CombineWaveAsync(sites, advisors, context.CancellationToken)).ToMessage(WaveMethod);
        }

        await responseStream.WriteAsync(final, context.CancellationToken);
    }

    private const string WaveMethod =
        "greedy with re-evaluation: each step screens every kommun that meets the rules with the earlier sites open, re-solves the 8 best in full " +
        "and opens the one that saves the most travel; the combined figures are one full re-solve of the live plan with every site open";

    private static SiteRankKey Key(SiteEvaluationRecord s) =>
        new(s.Kommunkod, s.Judgement?.Preferred ?? false, s.TravelKmSavedPerYear, s.MonthsToCoverAfter);

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
