using Microsoft.Extensions.Logging;
using Planering.Domain.Calendar;
using Planering.Domain.Planning;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

[GenerateSerializer, Alias("planering.PlanningState")]
public sealed class PlanningState
{
    [Id(0)] public Dictionary<string, string> OfficeByHuvudman { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Huvudmän moved by the last re-solve.</summary>
    [Id(1)] public int LastMoved { get; set; }
}

/// <summary>
/// The live assignment huvudman → office, the single writer of it. A new huvudman goes to the nearest office at once;
/// the load balancer (<see cref="LoadBalancer"/>, model on <see cref="AssignmentProblem"/>) re-solves the whole
/// assignment on request and, debounced, after offices or staffing change. A re-solve starts from the live assignment,
/// so a huvudman moves only when that gains more than the move penalty. The index shards get every change, so
/// listings by office follow the plan.
/// </summary>
public sealed partial class PlanningGrain(
    [PersistentState("planning", StorageNames.Planering)] IPersistentState<PlanningState> state,
    TimeProvider clock,
    ILogger<PlanningGrain> logger) : Grain, IPlanningGrain
{
    /// <summary>How long after an office or staffing change the plan waits for more changes before it re-solves.</summary>
    public static readonly TimeSpan RebalanceDelay = TimeSpan.FromSeconds(2);

    private IReadOnlyList<OfficeRecord>? _offices;
    private IGrainTimer? _pendingRebalance;

    public async Task<string?> PlaceAsync(HuvudmanRecord huvudman)
    {
        if (!state.State.OfficeByHuvudman.TryGetValue(huvudman.OrganisationNumber, out var officeId))
        {
            var offices = _offices ??= await WorldReader.OfficesAsync(GrainFactory);
            officeId = NearestOfficeAssignment.Nearest(
                huvudman.Position.ToDomain(), offices.Where(o => o.Advisors.Count > 0).Select(o => (o.OfficeId, o.Position.ToDomain())));
            if (officeId is null)
            {
                return null;
            }

            state.State.OfficeByHuvudman[huvudman.OrganisationNumber] = officeId;
            await state.WriteStateAsync();
            await this.PublishPlanChangeAsync(logger, "assignment-changed", officeId);
        }

        // Always tell the huvudman's current kommun shard: it may have just moved there.
        await GrainFactory.GetGrain<IHuvudmanIndexGrain>(huvudman.Kommunkod)
            .SetOfficesAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [huvudman.OrganisationNumber] = officeId });
        return officeId;
    }

    public Task<string?> GetOfficeOfAsync(string organisationNumber) =>
        Task.FromResult(state.State.OfficeByHuvudman.GetValueOrDefault(organisationNumber));

    public Task OfficesChangedAsync()
    {
        _offices = null;
        _pendingRebalance ??= this.RegisterGrainTimer(
            async _ =>
            {
                _pendingRebalance?.Dispose();
                _pendingRebalance = null;
                await RebalanceAsync(CancellationToken.None);
            },
            new GrainTimerCreationOptions(RebalanceDelay, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public async Task<PlanRecord> GetPlanAsync()
    {
        var (huvudman, offices) = await ReadWorldAsync();
        var world = PlanningMapping.World();
        var problem = world.Problem(huvudman, offices, Year(), state.State.OfficeByHuvudman);
        if (problem.Offices.Count == 0)
        {
            return NoOffices();
        }

        var solution = problem.Evaluate(PlanningMapping.Complete(problem, huvudman, state.State.OfficeByHuvudman));
        return world.Report(problem, solution, huvudman, offices).ToRecord(clock.GetUtcNow()) with { Moved = state.State.LastMoved };
    }

    public async Task<PlanRecord> RebalanceAsync(CancellationToken cancellationToken = default)
    {
        var (huvudman, offices) = await ReadWorldAsync();
        var world = PlanningMapping.World();
        var problem = world.Problem(huvudman, offices, Year(), state.State.OfficeByHuvudman);
        if (problem.Offices.Count == 0)
        {
            return NoOffices();
        }

        // The solver is CPU work: off the grain scheduler, so the silo keeps serving meanwhile.
        var solution = await Task.Run(() => LoadBalancer.Solve(problem), cancellationToken);

        // The last moment a caller that gave up can stop it: from here the new assignment is stored and announced.
        cancellationToken.ThrowIfCancellationRequested();
        var changed = await ApplyCoreAsync(solution.OfficeByHuvudman, huvudman);
        LogRebalanced(logger, huvudman.Count, problem.Offices.Count, changed);
        return world.Report(problem, solution, huvudman, offices).ToRecord(clock.GetUtcNow());
    }

    public async Task<PlanningSnapshot> SnapshotAsync()
    {
        var offices = await WorldReader.OfficesAsync(GrainFactory);
        var listings = await WorldReader.HuvudmanAsync(GrainFactory);
        return new PlanningSnapshot(offices, listings.Select(l => l.Huvudman).ToList(),
            new Dictionary<string, string>(state.State.OfficeByHuvudman, StringComparer.Ordinal));
    }

    public async Task<PlanRecord> ApplyAsync(IReadOnlyDictionary<string, string> officeByHuvudman)
    {
        _offices = null;
        var (huvudman, _) = await ReadWorldAsync();
        await ApplyCoreAsync(officeByHuvudman, huvudman);
        return await GetPlanAsync();
    }

    /// <summary>Stores the assignments that differ from the live ones, tells their shards and the forecast; returns how many moved.</summary>
    private async Task<int> ApplyCoreAsync(IReadOnlyDictionary<string, string> assignment, IReadOnlyList<PlanningHuvudman> huvudman)
    {
        var live = state.State.OfficeByHuvudman;
        var changed = huvudman
            .Where(h => assignment.TryGetValue(h.Id, out var office) && (!live.TryGetValue(h.Id, out var current) || current != office))
            .ToList();
        foreach (var h in changed)
        {
            live[h.Id] = assignment[h.Id];
        }

        state.State.LastMoved = changed.Count;
        await state.WriteStateAsync();
        await Task.WhenAll(changed.GroupBy(h => h.Kommunkod).Select(g => GrainFactory.GetGrain<IHuvudmanIndexGrain>(g.Key)
            .SetOfficesAsync(g.ToDictionary(h => h.Id, h => live[h.Id], StringComparer.Ordinal))));
        if (changed.Count > 0)
        {
            await this.PublishPlanChangeAsync(logger, "assignment-changed", null);
        }

        return changed.Count;
    }

    private async Task<(List<PlanningHuvudman> Huvudman, List<Domain.Planning.PlanningOffice> Offices)> ReadWorldAsync()
    {
        var offices = await WorldReader.OfficesAsync(GrainFactory);
        var listings = await WorldReader.HuvudmanAsync(GrainFactory);
        return (listings.Select(l => l.Huvudman.ToPlanning()).ToList(), offices.Select(o => o.ToPlanning()).ToList());
    }

    /// <summary>The plan while no office has staff: nothing can be assigned, nothing is feasible.</summary>
    private PlanRecord NoOffices() => new([], 0, 0, 0, 0, 0, 0, Feasible: false, 0, 0, clock.GetUtcNow());

    /// <summary>The planning year: the current one in Stockholm.</summary>
    private int Year() => StockholmTime.LocalDate(clock.GetUtcNow()).Year;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebalanced {Huvudman} huvudmän over {Offices} offices: {Moved} moved")]
    private static partial void LogRebalanced(ILogger logger, int huvudman, int offices, int moved);
}
