using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.RegionalOfficeState")]
public sealed class RegionalOfficeState
{
    [Id(0)] public OfficeRecord? Office { get; set; }
}

public sealed class RegionalOfficeGrain(
    [PersistentState("office", StorageNames.Planering)] IPersistentState<RegionalOfficeState> state,
    TimeProvider clock) : Grain, IRegionalOfficeGrain
{
    public async Task<OfficeRecord> UpsertAsync(OfficeUpsert upsert)
    {
        var profile = OfficeProfile.Create(
            this.GetPrimaryKeyString(), upsert.Name, upsert.Kommunkod, upsert.Position?.ToDomain(), upsert.Opened, SwedishGeography.Sweden);
        var previous = state.State.Office;
        var office = profile.ToRecord(previous?.Advisors ?? [], clock.GetUtcNow());
        state.State.Office = office;
        await state.WriteStateAsync();

        await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).PublishAsync(office);
        if (previous is null || previous.Position != office.Position)
        {
            await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).OfficesChangedAsync();
        }

        return office;
    }

    public Task<OfficeRecord> GetAsync() => Task.FromResult(RequireOffice());

    public async Task<OfficeRecord> SetStaffingAsync(IReadOnlyList<AdvisorRecord> advisors)
    {
        var office = RequireOffice();
        var validated = Staffing.Validate(advisors.Select(a => a.ToDomain()).ToList());
        office = office with { Advisors = validated.Select(a => a.ToRecord()).ToList(), UpdatedAt = clock.GetUtcNow() };
        state.State.Office = office;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).PublishAsync(office);
        return office;
    }

    private OfficeRecord RequireOffice() =>
        state.State.Office ?? throw PlaneringException.NotFound("office", this.GetPrimaryKeyString());
}
