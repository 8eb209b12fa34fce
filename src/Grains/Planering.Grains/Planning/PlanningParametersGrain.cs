using System.Globalization;
using Microsoft.Extensions.Logging;
using Planering.Domain.Errors;
using Planering.Domain.Parameters;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;

namespace Planering.Grains.Planning;

[GenerateSerializer, Alias("planering.PlanningParametersState")]
public sealed class PlanningParametersState
{
    /// <summary>The live set; null until the first change (the shipped defaults apply).</summary>
    [Id(0)] public PlanningParametersDocument? Current { get; set; }
}

/// <summary>
/// The single writer of the planning parameters. Until a planner changes them, the shipped defaults
/// (<see cref="PlanningParameters.Default"/>, version 1) are live and nothing is stored, so a release with better
/// defaults reaches installations that never changed theirs. A change is stored first, then the plan is told to
/// re-solve and the forecast to recompute (its watchers see the new figures).
/// </summary>
public sealed partial class PlanningParametersGrain(
    [PersistentState("parameters", StorageNames.Planering)] IPersistentState<PlanningParametersState> state,
    ILogger<PlanningParametersGrain> logger) : Grain, IPlanningParametersGrain
{
    private static readonly PlanningParametersDocument Shipped = PlanningParametersDocument.From(PlanningParameters.Default);

    public Task<PlanningParametersDocument> GetAsync() => Task.FromResult(state.State.Current ?? Shipped);

    public async Task<PlanningParametersDocument> SetAsync(PlanningParametersDocument proposed)
    {
        var current = state.State.Current ?? Shipped;
        var wanted = proposed.Value;
        if (wanted.Version != current.Version)
        {
            var live = current.Version.ToString(CultureInfo.InvariantCulture);
            throw new PlaneringException(
                ErrorCode.Conflict,
                $"the planning parameters are at version {live}, not {wanted.Version.ToString(CultureInfo.InvariantCulture)}: read them again and make the change on version {live}",
                "PARAMETERS_VERSION_STALE",
                details: new Dictionary<string, string>(StringComparer.Ordinal) { ["current_version"] = live });
        }

        wanted.Validate();
        var next = PlanningParametersDocument.From(wanted with { Version = current.Version + 1 });
        var previous = state.State.Current;
        state.State.Current = next;
        await state.WriteOrReloadAsync(this, () => state.State.Current = previous);

        LogChanged(logger, next.Version);
        await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).OfficesChangedAsync();
        await this.PublishPlanChangeAsync(logger, "parameters-changed", null);
        return next;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planning parameters changed: now version {Version}")]
    private static partial void LogChanged(ILogger logger, long version);
}

/// <summary>How grains read the live planning parameters.</summary>
internal static class PlanningParametersReader
{
    public static async Task<PlanningParameters> PlanningParametersAsync(this IGrainFactory grains) =>
        (await grains.GetGrain<IPlanningParametersGrain>(GrainKeys.Sweden).GetAsync()).Value;
}
