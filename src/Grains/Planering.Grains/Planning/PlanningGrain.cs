using Microsoft.Extensions.Logging;
using Planering.Domain.Calendar;
using Planering.Domain.Planning;
using Planering.Domain.Timing;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Planning;

/// <remarks>
/// Field 0 once held the whole assignment; it now lives in the kommun index shards, and the serializer skips the old
/// field when it reads a state stored before.
/// </remarks>
[GenerateSerializer, Alias("planering.PlanningState")]
public sealed class PlanningState
{
    /// <summary>Huvudmän moved by the last re-solve.</summary>
    [Id(1)] public int LastMoved { get; set; }
}

/// <summary>
/// The single writer of the live assignment huvudman → office. A new huvudman goes to the nearest office at once;
/// the load balancer (<see cref="LoadBalancer"/>, model on <see cref="AssignmentProblem"/>) re-solves the whole
/// assignment on request and, debounced, after offices or staffing change. A re-solve starts from the live assignment,
/// so a huvudman moves only when that gains more than the move penalty.
/// The assignment is stored in the kommun index shards (each holds its own kommun's part), not here: a registration
/// or a move rewrites one kommun's shard, never a state that grows with the whole country, and listings by office read
/// the plan where it is kept. A re-solve or a scenario's apply never interleaves with another; placements and reads
/// (<see cref="IPlanningGrain.PlaceAsync"/>, the plan, the snapshot) may run while a re-solve waits for its solver: a
/// placement only places a huvudman the re-solve did not read, and the re-solve writes only the huvudmän it read.
/// </summary>
public sealed partial class PlanningGrain(
    [PersistentState("planning", StorageNames.Planering)] IPersistentState<PlanningState> state,
    TimeProvider clock,
    ILogger<PlanningGrain> logger) : Grain, IPlanningGrain
{
    /// <summary>How long after an office or staffing change the plan waits for more changes before it re-solves.</summary>
    public static readonly TimeSpan RebalanceDelay = TimeSpan.FromSeconds(2);

    private IReadOnlyList<OfficeRecord>? _offices;
    // A cap equal to the delay: the re-solve runs once, RebalanceDelay after the first change of a burst (never postponed).
    private readonly Debounce _debounce = new(RebalanceDelay, RebalanceDelay);
    private IGrainTimer? _pendingRebalance;
    private int _resolving;

    public async Task<string?> PlaceAsync(HuvudmanRecord huvudman, string? previousKommunkod)
    {
        // A huvudman that moved kommun is listed in its new shard without an office: it keeps the one its old shard has.
        var officeId = await GrainFactory.OfficeOfAsync(huvudman);
        if (officeId is null && previousKommunkod is not null && previousKommunkod != huvudman.Kommunkod)
        {
            officeId = await GrainFactory.GetGrain<IHuvudmanIndexGrain>(previousKommunkod).OfficeOfAsync(huvudman.OrganisationNumber);
        }

        var isNew = officeId is null;
        if (officeId is null)
        {
            var offices = _offices ??= await WorldReader.OfficesAsync(GrainFactory);
            // Only an office that can hold a dialogue takes huvudmän, as in the plan (PlanningWorld.Problem).
            var team = (await GrainFactory.PlanningParametersAsync()).Workload.AdvisorsPerDialogue;
            officeId = NearestOfficeAssignment.Nearest(
                huvudman.Position.ToDomain(), offices.Where(o => o.Advisors.Count >= team).Select(o => (o.OfficeId, o.Position.ToDomain())));
            if (officeId is null)
            {
                return null;
            }
        }

        await GrainFactory.GetGrain<IHuvudmanIndexGrain>(huvudman.Kommunkod)
            .SetOfficesAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [huvudman.OrganisationNumber] = officeId });
        if (isNew)
        {
            await this.PublishPlanChangeAsync(logger, "assignment-changed", officeId);
        }

        return officeId;
    }

    public async Task<int> PlaceImportedAsync(IReadOnlyList<string> kommunkoder)
    {
        ArgumentNullException.ThrowIfNull(kommunkoder);
        // The same offices a single registration is placed at (PlaceAsync): those that can hold a dialogue.
        var team = (await GrainFactory.PlanningParametersAsync()).Workload.AdvisorsPerDialogue;
        var offices = (_offices ??= await WorldReader.OfficesAsync(GrainFactory))
            .Where(o => o.Advisors.Count >= team).Select(o => (o.OfficeId, o.Position.ToDomain())).ToList();
        var everyone = new HuvudmanFilter(null, null, null, null);
        var placed = await Task.WhenAll(kommunkoder.Select(async kommunkod =>
        {
            var shard = GrainFactory.GetGrain<IHuvudmanIndexGrain>(kommunkod);
            var unplaced = (await shard.ListAsync(everyone, null, int.MaxValue)).Items.Where(l => l.OfficeId is null);
            var assignment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var listing in unplaced)
            {
                if (NearestOfficeAssignment.Nearest(listing.Huvudman.Position.ToDomain(), offices) is { } officeId)
                {
                    assignment[listing.Huvudman.OrganisationNumber] = officeId;
                }
            }

            if (assignment.Count > 0)
            {
                await shard.SetOfficesAsync(assignment);
            }

            return assignment.Count;
        }));

        if (placed.Sum() > 0)
        {
            await this.PublishPlanChangeAsync(logger, "assignment-changed", null);
        }

        // One re-solve for the whole import, as after a staffing change, instead of one per row.
        await OfficesChangedAsync();
        return placed.Sum();
    }

    public Task OfficesChangedAsync()
    {
        _offices = null;
        switch (_debounce.Change(clock.GetUtcNow()))
        {
            case DebounceStep.Armed:
                _pendingRebalance = this.RegisterGrainTimer(
                    async _ =>
                    {
                        _pendingRebalance?.Dispose();
                        _pendingRebalance = null;
                        _debounce.Fire();
                        await RebalanceAsync(CancellationToken.None);
                    },
                    new GrainTimerCreationOptions(RebalanceDelay, Timeout.InfiniteTimeSpan));
                break;
            case DebounceStep.Postponed:
                _pendingRebalance!.Change(RebalanceDelay, Timeout.InfiniteTimeSpan);
                break;
        }

        return Task.CompletedTask;
    }

    public Task<bool> RebalancePendingAsync() => Task.FromResult(_debounce.Due is not null || _resolving > 0);

    public async Task<PlanRecord> GetPlanAsync() => PlanOf(await ReadWorldAsync());

    /// <summary>The figures of the live assignment in <paramref name="live"/>.</summary>
    private PlanRecord PlanOf(LiveWorld live)
    {
        var world = PlanningMapping.World(live.Parameters, live.School);
        var problem = world.Problem(live.Huvudman, live.Offices, Year(), live.Assignment);
        if (problem.Offices.Count == 0)
        {
            return NoOffices(live);
        }

        var solution = problem.Evaluate(PlanningMapping.Complete(problem, live.Huvudman, live.Assignment));
        return world.Report(problem, solution, live.Huvudman, live.Offices, Year()).ToRecord(clock.GetUtcNow(), live.Parameters.Version) with { Moved = state.State.LastMoved };
    }

    public async Task<PlanRecord> RebalanceAsync(CancellationToken cancellationToken = default)
    {
        _resolving++;
        try
        {
            return await ResolveAsync(cancellationToken);
        }
        finally
        {
            _resolving--;
        }
    }

    private async Task<PlanRecord> ResolveAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var live = await ReadWorldAsync();
        var world = PlanningMapping.World(live.Parameters, live.School);
        var problem = world.Problem(live.Huvudman, live.Offices, Year(), live.Assignment);
        if (problem.Offices.Count == 0)
        {
            return NoOffices(live);
        }

        // The solver is CPU work: off the grain scheduler, so the silo keeps serving meanwhile.
        var solution = await Task.Run(() => LoadBalancer.Solve(problem), cancellationToken);

        // The last moment a caller that gave up can stop it: from here the new assignment is stored and announced.
        cancellationToken.ThrowIfCancellationRequested();
        var changed = await ApplyCoreAsync(solution.OfficeByHuvudman, live);
        var elapsed = clock.GetElapsedTime(started);
        LogRebalanced(logger, live.Huvudman.Count, problem.Offices.Count, changed, elapsed.TotalMilliseconds);
        return world.Report(problem, solution, live.Huvudman, live.Offices, Year()).ToRecord(clock.GetUtcNow(), live.Parameters.Version);
    }

    public async Task<PlanningSnapshot> SnapshotAsync()
    {
        var offices = await WorldReader.OfficesAsync(GrainFactory);
        var listings = await WorldReader.HuvudmanAsync(GrainFactory);
        return new PlanningSnapshot(offices, listings.Select(l => l.Huvudman).ToList(), AssignmentOf(listings));
    }

    public async Task<PlanRecord> ApplyAsync(IReadOnlyDictionary<string, string> officeByHuvudman)
    {
        _offices = null;
        var live = await ReadWorldAsync();
        await ApplyCoreAsync(officeByHuvudman, live);
        return PlanOf(live);
    }

    /// <summary>
    /// Stores the assignments that differ from the live ones in their kommun shards (and in <paramref name="live"/>, which
    /// then shows the plan as stored), then tells the forecast; returns how many moved. A shard that fails leaves its kommun as it was (each shard's write is whole) and the call fails;
    /// the next re-solve starts from what the shards hold.
    /// </summary>
    private async Task<int> ApplyCoreAsync(IReadOnlyDictionary<string, string> assignment, LiveWorld live)
    {
        var changed = live.Huvudman
            .Where(h => assignment.TryGetValue(h.Id, out var office) && (!live.Assignment.TryGetValue(h.Id, out var current) || current != office))
            .ToList();
        await Task.WhenAll(changed.GroupBy(h => h.Kommunkod).Select(g => GrainFactory.GetGrain<IHuvudmanIndexGrain>(g.Key)
            .SetOfficesAsync(g.ToDictionary(h => h.Id, h => assignment[h.Id], StringComparer.Ordinal))));
        foreach (var h in changed)
        {
            live.Assignment[h.Id] = assignment[h.Id];
        }

        state.State.LastMoved = changed.Count;
        await state.WriteOrReloadAsync(this);
        if (changed.Count > 0)
        {
            await this.PublishPlanChangeAsync(logger, "assignment-changed", null);
        }

        return changed.Count;
    }

    /// <summary>The huvudmän and offices as the planning model sees them, and the live assignment the shards hold.</summary>
    private async Task<LiveWorld> ReadWorldAsync()
    {
        var offices = await WorldReader.OfficesAsync(GrainFactory);
        var listings = await WorldReader.HuvudmanAsync(GrainFactory);
        var parameters = await GrainFactory.PlanningParametersAsync();
        return new LiveWorld(
            listings.Select(l => l.Huvudman.ToPlanning()).ToList(), offices.Select(o => o.ToPlanning()).ToList(), AssignmentOf(listings),
            await SchoolCalendars.CurrentAsync(GrainFactory), parameters);
    }

    private static Dictionary<string, string> AssignmentOf(IEnumerable<HuvudmanListing> listings) =>
        listings.Where(l => l.OfficeId is not null).ToDictionary(l => l.Huvudman.OrganisationNumber, l => l.OfficeId!, StringComparer.Ordinal);

    private sealed record LiveWorld(
        List<PlanningHuvudman> Huvudman, List<Domain.Planning.PlanningOffice> Offices, Dictionary<string, string> Assignment, SchoolHolidayCalendar School,
        Domain.Parameters.PlanningParameters Parameters);

    /// <summary>The plan while no office has staff: nothing can be assigned, nothing is feasible; with huvudmän waiting, there is no capacity (not "0 %").</summary>
    private PlanRecord NoOffices(LiveWorld live) => new([], 0, 0, 0, 0, 0, 0, Feasible: false, 0, 0, clock.GetUtcNow(),
        Status: live.Huvudman.Count > 0 ? LoadStatus.NoCapacity : LoadStatus.Ok, ParametersVersion: live.Parameters.Version);

    /// <summary>The planning year: the current one in Stockholm.</summary>
    private int Year() => StockholmTime.LocalDate(clock.GetUtcNow()).Year;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebalanced {Huvudman} huvudmän over {Offices} offices: {Moved} moved, in {Milliseconds:F0} ms")]
    private static partial void LogRebalanced(ILogger logger, int huvudman, int offices, int moved, double milliseconds);
}
