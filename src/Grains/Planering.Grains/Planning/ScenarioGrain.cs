using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Scheduling;
using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

[GenerateSerializer, Alias("planering.ScenarioState")]
public sealed class ScenarioState
{
    [Id(0)] public OfficeSpec? Office { get; set; }

    [Id(1)] public ScenarioResultRecord? Result { get; set; }

    /// <summary>The scenario's assignment, applied on commit.</summary>
    [Id(2)] public Dictionary<string, string> OfficeByHuvudman { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public bool Committed { get; set; }
}

/// <summary>
/// A what-if copy of the world: it reads a snapshot of the live plan, adds the new office, re-solves on the copy and
/// keeps the result. Nothing live changes until <see cref="CommitAsync"/>. A scenario expires after
/// <see cref="Lifetime"/>: the plan it was computed on has likely moved on by then.
/// </summary>
public sealed class ScenarioGrain(
    [PersistentState("scenario", StorageNames.Planering)] IPersistentState<ScenarioState> state,
    TimeProvider clock) : Grain, IScenarioGrain
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<ScenarioResultRecord> SimulateOpenOfficeAsync(OfficeSpec office, CancellationToken cancellationToken = default)
    {
        if (state.State.Result is not null)
        {
            throw new PlaneringException(ErrorCode.AlreadyExists, "this scenario was already simulated", "SCENARIO_EXISTS");
        }

        var kommunkod = office.Kommunkod
            ?? (office.Position is { } at && at.ToDomain().IsInSweden ? SwedishGeography.Sweden.NearestKommun(at.ToDomain()).Kommunkod : null);
        var derivedId = string.IsNullOrEmpty(office.OfficeId);
        var officeId = derivedId ? RegistryRules.SlugFrom(office.Name ?? string.Empty) : office.OfficeId;
        OfficeProfile profile;
        IReadOnlyList<Domain.Registry.Advisor> advisors;
        try
        {
            profile = OfficeProfile.Create(officeId, office.Name, kommunkod, office.Position?.ToDomain(), office.Opening, SwedishGeography.Sweden);
            // "N advisors" is N full-time advisors named after the office the caller gave, or "new" (Staffing.FullTime).
            advisors = Staffing.Validate(office.AdvisorCount > 0
                ? Staffing.FullTime(string.IsNullOrEmpty(office.OfficeId) ? "new" : office.OfficeId, office.AdvisorCount)
                : office.Advisors.Select(a => a.ToDomain()).ToList());
        }
        catch (PlaneringException invalid) when (invalid.Code == ErrorCode.InvalidArgument)
        {
            throw invalid.WithFieldsRenamed(field => SimulateOpenOfficeField(field, derivedId));
        }

        if (advisors.Count == 0)
        {
            throw PlaneringException.Invalid("advisors", "a new office needs at least one advisor");
        }

        var snapshot = await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).SnapshotAsync();
        if (snapshot.Offices.Any(o => o.OfficeId == profile.OfficeId))
        {
            throw new PlaneringException(ErrorCode.AlreadyExists, $"office '{profile.OfficeId}' exists already", "OFFICE_EXISTS",
                [new FieldViolation("office_id", "exists already")]);
        }

        var live = await GrainFactory.PlanningParametersAsync();
        var assumed = ScenarioAssumptions(office.Parameters, live);
        var huvudman = snapshot.Huvudman.Select(h => h.ToPlanning()).ToList();
        var generatedNumbers = snapshot.Huvudman.Where(h => h.HasSyntheticOrganisationNumber).Select(h => h.OrganisationNumber).ToHashSet(StringComparer.Ordinal);
        var offices = snapshot.Offices.Select(o => o.ToPlanning()).ToList();
        var school = await SchoolCalendars.CurrentAsync(GrainFactory);
        var world = PlanningMapping.World(live, school);
        var scenarioWorld = ReferenceEquals(assumed, live) ? world : PlanningMapping.World(assumed, school);
        var year = OpenOfficeScenario.Year(StockholmTime.LocalDate(clock.GetUtcNow()), office.Opening);
        var added = new PlanningOffice(profile.OfficeId, profile.Kommunkod, profile.Position, advisors);

        // The solver is CPU work: off the grain scheduler.
        var outcome = await Task.Run(
            () => OpenOfficeScenario.Run(world, scenarioWorld, huvudman, offices, snapshot.OfficeByHuvudman, added, office.Parameters?.AdvisorsPerOffice ?? 0, year, SwedishGeography.Sweden.Lan),
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var now = clock.GetUtcNow();
        var result = new ScenarioResultRecord(
            this.GetPrimaryKey(),
            outcome.Before.ToRecord(now, live.Version) with { Moved = 0 },
            outcome.After.ToRecord(now, assumed.Version),
            outcome.Comparison.Reassigned.Select(r => r.ToRecord(generatedNumbers.Contains(r.HuvudmanId))).ToList(),
            outcome.Comparison.LanEffects.Select(e => e.ToRecord()).ToList(),
            now + Lifetime,
            profile.OfficeId);

        state.State.Office = office with
        {
            OfficeId = profile.OfficeId, Name = profile.Name, Kommunkod = profile.Kommunkod, Position = GeoPoint.From(profile.Position),
            Advisors = advisors.Select(a => a.ToRecord()).ToList(),
        };
        state.State.Result = result;
        state.State.OfficeByHuvudman = new Dictionary<string, string>(outcome.AfterSolution.OfficeByHuvudman, StringComparer.Ordinal);
        // A write once begun is not interrupted: the scenario is either stored whole or not at all.
        await state.WriteOrReloadAsync(this);
        return result;
    }

    /// <summary>The parameters the scenario assumes: its own (validated, every bad field named under <c>parameters.</c>) or the live ones.</summary>
    private static Domain.Parameters.PlanningParameters ScenarioAssumptions(ScenarioParameters? scenario, Domain.Parameters.PlanningParameters live)
    {
        if (scenario?.Parameters is not { } own)
        {
            return live;
        }

        var assumed = own.Value with { Version = live.Version };
        try
        {
            assumed.Validate();
        }
        catch (PlaneringException invalid) when (invalid.Code == ErrorCode.InvalidArgument)
        {
            throw invalid.WithFieldsRenamed(field => "parameters." + field);
        }

        return assumed;
    }

    /// <summary>The registry's rules name SetStaffing's and UpsertOffice's fields; the caller sent SimulateOpenOffice's.</summary>
    private static string SimulateOpenOfficeField(string field, bool derivedId) => field switch
    {
        "opened" => "opening_date",
        "office_id" when derivedId => "name",
        _ when field == "advisors" || field.StartsWith("advisors[", StringComparison.Ordinal) => "staff" + field["advisors".Length..],
        _ => field,
    };

    public async Task<PlanRecord> CommitAsync()
    {
        if (state.State.Result is not { } result || state.State.Office is not { } office)
        {
            throw PlaneringException.NotFound("scenario", this.GetPrimaryKey().ToString());
        }

        var planning = GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden);
        if (state.State.Committed)
        {
            return await planning.GetPlanAsync();
        }

        if (clock.GetUtcNow() > result.ExpiresAt)
        {
            throw new PlaneringException(ErrorCode.RuleViolation, $"the scenario expired at {result.ExpiresAt:u}; simulate again", "SCENARIO_EXPIRED");
        }

        var grain = GrainFactory.GetGrain<IRegionalOfficeGrain>(office.OfficeId);
        await grain.UpsertAsync(new OfficeUpsert(office.Name, office.Kommunkod, office.Position, office.Opening));
        await grain.SetStaffingAsync(office.Advisors);
        var plan = await planning.ApplyAsync(state.State.OfficeByHuvudman);

        state.State.Committed = true;
        await state.WriteOrReloadAsync(this);
        return plan;
    }
}
