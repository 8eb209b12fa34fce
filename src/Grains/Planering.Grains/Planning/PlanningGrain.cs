using Microsoft.Extensions.Logging;
using Planering.Domain.Planning;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

[GenerateSerializer, Alias("planering.PlanningState")]
public sealed class PlanningState
{
    [Id(0)] public Dictionary<string, string> OfficeByHuvudman { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The live assignment huvudman → office. A new huvudman goes to the nearest office; an assignment, once made,
/// stays until a rebalance moves it.
/// </summary>
public sealed class PlanningGrain(
    [PersistentState("planning", StorageNames.Planering)] IPersistentState<PlanningState> state,
    ILogger<PlanningGrain> logger) : Grain, IPlanningGrain
{
    private IReadOnlyList<OfficeRecord>? _offices;

    public async Task<string?> PlaceAsync(HuvudmanRecord huvudman)
    {
        if (!state.State.OfficeByHuvudman.TryGetValue(huvudman.OrganisationNumber, out var officeId))
        {
            var offices = _offices ??= await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();
            officeId = NearestOfficeAssignment.Nearest(huvudman.Position.ToDomain(), offices.Select(o => (o.OfficeId, o.Position.ToDomain())));
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
        return Task.CompletedTask;
    }
}
