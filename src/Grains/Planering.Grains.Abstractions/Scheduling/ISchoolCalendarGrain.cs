using Planering.Domain.Calendar;

namespace Planering.Grains.Scheduling;

/// <summary>A kommun's own lov dates that override the defaults (key: kommunkod).</summary>
[Alias("planering.ISchoolCalendarGrain")]
public interface ISchoolCalendarGrain : IGrainWithStringKey
{
    /// <summary>Sets (or replaces) the kommun's dates for one lov in one year; returns the year's lov periods.</summary>
    [Alias("Set")]
    Task<IReadOnlyList<LovPeriodRecord>> SetAsync(int year, LovKind kind, int? week, DateOnly? startDate, DateOnly? endDate);

    [Alias("GetOverrides"), ReadOnly]
    Task<IReadOnlyList<LovOverrideRecord>> GetOverridesAsync();

    [Alias("GetPeriods"), ReadOnly]
    Task<IReadOnlyList<LovPeriodRecord>> GetPeriodsAsync(int year);
}
