namespace Planering.Grains.Scheduling;

/// <summary>
/// Where a kommun's lov overrides were stored before the national calendar (key: kommunkod). Read once, when the
/// national calendar first activates, and carried over as imported rows; nothing writes here any more.
/// </summary>
[Alias("planering.ISchoolCalendarGrain")]
public interface ISchoolCalendarGrain : IGrainWithStringKey
{
    [Alias("GetOverrides"), ReadOnly]
    Task<IReadOnlyList<LovOverrideRecord>> GetOverridesAsync();
}
