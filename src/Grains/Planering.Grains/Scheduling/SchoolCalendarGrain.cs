using Planering.Domain.Calendar;
using Planering.Domain.World;
using Planering.Grains.Hosting;

namespace Planering.Grains.Scheduling;

[GenerateSerializer, Alias("planering.SchoolCalendarState")]
public sealed class SchoolCalendarState
{
    [Id(0)] public List<LovOverrideRecord> Overrides { get; set; } = [];
}

public sealed class SchoolCalendarGrain(
    [PersistentState("school-calendar", StorageNames.Planering)] IPersistentState<SchoolCalendarState> state) : Grain, ISchoolCalendarGrain
{
    public async Task<IReadOnlyList<LovPeriodRecord>> SetAsync(int year, LovKind kind, int? week, DateOnly? startDate, DateOnly? endDate)
    {
        var lovOverride = LovOverride.Create(this.GetPrimaryKeyString(), year, kind, week, startDate, endDate, SwedishGeography.Sweden).ToRecord();
        var overrides = state.State.Overrides.Where(o => o.Year != year || o.Kind != kind).Append(lovOverride).ToList();

        // Building the calendar checks the whole set again (one override per year and kind) before anything is stored.
        var calendar = SchedulingMapping.SchoolCalendar(overrides);
        state.State.Overrides = overrides;
        await state.WriteOrReloadAsync(this);
        return Periods(calendar, year);
    }

    public Task<IReadOnlyList<LovOverrideRecord>> GetOverridesAsync() => Task.FromResult<IReadOnlyList<LovOverrideRecord>>(state.State.Overrides);

    public Task<IReadOnlyList<LovPeriodRecord>> GetPeriodsAsync(int year)
    {
        if (year is < SwedishHolidays.MinYear or > SwedishHolidays.MaxYear)
        {
            throw Domain.Errors.PlaneringException.Invalid("year", $"must be between {SwedishHolidays.MinYear} and {SwedishHolidays.MaxYear}");
        }

        return Task.FromResult<IReadOnlyList<LovPeriodRecord>>(Periods(SchedulingMapping.SchoolCalendar(state.State.Overrides), year));
    }

    private List<LovPeriodRecord> Periods(SchoolHolidayCalendar calendar, int year) =>
        calendar.LovPeriods(this.GetPrimaryKeyString(), year).Select(p => p.ToRecord()).ToList();
}
