using Planering.Grains.Hosting;

namespace Planering.Grains.Scheduling;

[GenerateSerializer, Alias("planering.SchoolCalendarState")]
public sealed class SchoolCalendarState
{
    [Id(0)] public List<LovOverrideRecord> Overrides { get; set; } = [];
}

/// <summary>A kommun's overrides as stored before the national calendar; kept only so they can be carried over.</summary>
public sealed class SchoolCalendarGrain(
    [PersistentState("school-calendar", StorageNames.Planering)] IPersistentState<SchoolCalendarState> state) : Grain, ISchoolCalendarGrain
{
    public Task<IReadOnlyList<LovOverrideRecord>> GetOverridesAsync() => Task.FromResult<IReadOnlyList<LovOverrideRecord>>(state.State.Overrides);
}
