using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;

namespace Planering.Grains.Registry;

[GenerateSerializer, Alias("planering.HuvudmanState")]
public sealed class HuvudmanState
{
    [Id(0)] public HuvudmanRecord? Profile { get; set; }
}

/// <summary>
/// A huvudman's own state. After a profile is written, the kommun index and the planning grain are told; both are
/// projections that the same upsert, retried, brings up to date again.
/// </summary>
public sealed class HuvudmanGrain(
    [PersistentState("huvudman", StorageNames.Planering)] IPersistentState<HuvudmanState> state,
    TimeProvider clock) : Grain, IHuvudmanGrain
{
    public async Task<HuvudmanRecord> UpsertAsync(HuvudmanUpsert upsert)
    {
        var profile = HuvudmanProfile.Create(
            this.GetPrimaryKeyString(), upsert.Name, upsert.Type, upsert.Kommunkod, upsert.Position?.ToDomain(),
            upsert.Pupils, upsert.Synthetic, SwedishGeography.Sweden);
        var previousKommun = state.State.Profile?.Kommunkod;
        var record = profile.ToRecord(clock.GetUtcNow());

        state.State.Profile = record;
        await state.WriteStateAsync();

        await GrainFactory.GetGrain<IHuvudmanIndexGrain>(record.Kommunkod).UpsertAsync(record);
        if (previousKommun is not null && previousKommun != record.Kommunkod)
        {
            await GrainFactory.GetGrain<IHuvudmanIndexGrain>(previousKommun).RemoveAsync(record.OrganisationNumber);
        }

        await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).PlaceAsync(record);
        return record;
    }

    public Task<HuvudmanRecord> GetAsync()
    {
        if (state.State.Profile is { } profile)
        {
            return Task.FromResult(profile);
        }

        var key = this.GetPrimaryKeyString();
        if (!OrganisationNumber.TryParse(key, out _, out var error))
        {
            throw PlaneringException.Invalid("organisation_number", error);
        }

        throw PlaneringException.NotFound("huvudman", key);
    }
}
