using Microsoft.Extensions.Logging;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.World;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;

namespace Planering.Grains.Scheduling;

[GenerateSerializer, Alias("planering.NationalSchoolCalendarState")]
public sealed class NationalSchoolCalendarState
{
    /// <summary>New at every change; <see cref="Guid.Empty"/> while nothing was set or imported.</summary>
    [Id(0)] public Guid Version { get; set; }

    [Id(1)] public List<KommunRuleEntryRecord> KommunRules { get; set; } = [];

    [Id(2)] public List<SchoolCalendarEntryRecord> Entries { get; set; } = [];

    /// <summary>True once the overrides stored per kommun before this grain existed have been carried over.</summary>
    [Id(3)] public bool LegacyCarriedOver { get; set; }
}

/// <summary>
/// The single writer of the school calendar (see <see cref="INationalSchoolCalendarGrain"/>). Each change is checked
/// whole against the domain calendar, stored in one write under a new version, then announced: the forecast recomputes
/// (plan-change stream) and the plan re-solves, since capacity moved.
/// </summary>
public sealed partial class NationalSchoolCalendarGrain(
    [PersistentState("national-school-calendar", StorageNames.Planering)] IPersistentState<NationalSchoolCalendarState> state,
    ILogger<NationalSchoolCalendarGrain> logger) : Grain, INationalSchoolCalendarGrain
{
    private SchoolCalendarSnapshot _snapshot = new(Guid.Empty, [], []);
    private SchoolHolidayCalendar _calendar = SchoolCalendars.Defaults;

    private IGrainTimer? _carryOver;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Use(Snapshot(state.State));
        if (!state.State.LegacyCarriedOver)
        {
            // Reading 290 old per-kommun grains takes a while: not in the activation, where every search would wait for it.
            _carryOver = this.RegisterGrainTimer(
                async ct =>
                {
                    _carryOver?.Dispose();
                    _carryOver = null;
                    var found = await Task.WhenAll(SwedishGeography.Sweden.Kommuner.Select(k => GrainFactory.GetGrain<ISchoolCalendarGrain>(k.Kommunkod).GetOverridesAsync()));
                    await this.AsReference<INationalSchoolCalendarGrain>().CarryOverLegacyAsync(found.SelectMany(o => o).ToList());
                },
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }

        return Task.CompletedTask;
    }

    public Task<Guid> GetVersionAsync() => Task.FromResult(_snapshot.Version);

    public Task<SchoolCalendarSnapshot> GetSnapshotAsync() => Task.FromResult(_snapshot);

    public async Task<SchoolCalendarImportResult> ImportAsync(IReadOnlyList<SchoolCalendarEntryRecord> rows, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw PlaneringException.Invalid("rows", "must hold at least one row");
        }

        var import = _calendar.Import(rows.Select(r => r.ToDomain()).ToList());
        var changed = import.New + import.Changed > 0;
        if (changed && !dryRun)
        {
            await StoreAsync(import.Calendar, "school-calendar-imported");
        }

        return new SchoolCalendarImportResult(import.New, import.Changed, import.Unchanged, dryRun, _snapshot.Version);
    }

    public async Task<IReadOnlyList<LovPeriodRecord>> SetLovAsync(string kommunkod, int year, LovKind kind, int? week, DateOnly? startDate, DateOnly? endDate)
    {
        var row = LovOverride.Create(kommunkod, year, kind, week, startDate, endDate, SwedishGeography.Sweden).ToEntry();
        var import = _calendar.Import([row]);
        if (import.New + import.Changed > 0)
        {
            await StoreAsync(import.Calendar, "school-calendar-imported");
        }

        return Periods(kommunkod, year, null);
    }

    public async Task<KommunRulesRecord> SetKommunRuleAsync(string kommunkod, KommunLovRuleRecord rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var next = _calendar.WithKommunRule(kommunkod, rule.ToDomain());
        await StoreAsync(next, "school-calendar-rule-changed");
        return RulesOf(kommunkod);
    }

    public Task<KommunRulesRecord> GetKommunRuleAsync(string kommunkod) => Task.FromResult(RulesOf(kommunkod));

    public Task<IReadOnlyList<LovPeriodRecord>> GetPeriodsAsync(string kommunkod, int year, string? organisationNumber) =>
        Task.FromResult<IReadOnlyList<LovPeriodRecord>>(Periods(kommunkod, year, organisationNumber));

    private List<LovPeriodRecord> Periods(string kommunkod, int year, string? organisationNumber)
    {
        if (year is < SwedishHolidays.MinYear or > SwedishHolidays.MaxYear)
        {
            throw PlaneringException.Invalid("year", $"must be between {SwedishHolidays.MinYear} and {SwedishHolidays.MaxYear}");
        }

        return _calendar.LovPeriods(kommunkod, year, organisationNumber).Select(p => p.ToRecord()).ToList();
    }

    private KommunRulesRecord RulesOf(string kommunkod)
    {
        var (effective, _) = _calendar.RulesOf(kommunkod);
        var code = SwedishGeography.Sweden.Kommun(kommunkod).Kommunkod;
        var shipped = SchoolCalendarDefaults.Kommuner.GetValueOrDefault(code);
        return new KommunRulesRecord(code, (_calendar.KommunRules.GetValueOrDefault(code) ?? KommunLovRule.None).ToRecord(),
            (shipped?.Rule ?? KommunLovRule.None).ToRecord(), effective.ToRecord(), shipped?.Evidence ?? string.Empty);
    }

    /// <summary>Stores the calendar under a new version in one write; memory follows only a write that succeeded.</summary>
    private async Task StoreAsync(SchoolHolidayCalendar calendar, string trigger)
    {
        var previous = (state.State.Version, state.State.KommunRules, state.State.Entries);
        state.State.Version = Guid.NewGuid();
        state.State.KommunRules = calendar.KommunRules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new KommunRuleEntryRecord(r.Key, r.Value.ToRecord())).ToList();
        state.State.Entries = calendar.Entries.Select(e => e.ToRecord()).ToList();
        try
        {
            await state.WriteOrReloadAsync(this);
        }
        catch
        {
            (state.State.Version, state.State.KommunRules, state.State.Entries) = previous;
            throw;
        }

        _calendar = SchoolCalendars.Keep(state.State.Version, calendar);
        _snapshot = Snapshot(state.State);
        LogChanged(logger, trigger, state.State.KommunRules.Count, state.State.Entries.Count);
        await AnnounceAsync(trigger);
    }

    /// <summary>Capacity follows the calendar: the forecast recomputes, the plan re-solves. Both only notify (the change is stored).</summary>
    private async Task AnnounceAsync(string trigger)
    {
        await this.PublishPlanChangeAsync(logger, trigger, null);
        try
        {
            await GrainFactory.GetGrain<IPlanningGrain>(GrainKeys.Sweden).OfficesChangedAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotReplanned(logger, trigger, exception);
        }
    }

    public async Task CarryOverLegacyAsync(IReadOnlyList<LovOverrideRecord> legacy)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        if (state.State.LegacyCarriedOver)
        {
            return;
        }

        // A row imported since then (a later, deliberate choice) is kept; an old override fills only what is not there.
        var present = _calendar.Entries.Select(e => (e.Kommunkod, e.SchoolYear, e.Kind)).ToHashSet();
        var rows = legacy.Select(o => o.ToDomain().ToEntry()).Where(e => !present.Contains((e.Kommunkod, e.SchoolYear, e.Kind))).ToList();
        state.State.LegacyCarriedOver = true;
        if (rows.Count == 0)
        {
            await state.WriteOrReloadAsync(this);
            return;
        }

        await StoreAsync(_calendar.Import(rows).Calendar, "school-calendar-carried-over");
        LogCarriedOver(logger, rows.Count);
    }

    private void Use(SchoolCalendarSnapshot snapshot)
    {
        _snapshot = snapshot;
        _calendar = SchoolCalendars.Keep(snapshot.Version, snapshot.ToCalendar());
    }

    private static SchoolCalendarSnapshot Snapshot(NationalSchoolCalendarState s) => new(s.Version, s.KommunRules.ToList(), s.Entries.ToList());

    [LoggerMessage(Level = LogLevel.Information, Message = "School calendar changed ({Trigger}): {Rules} kommun rules, {Rows} imported rows")]
    private static partial void LogChanged(ILogger logger, string trigger, int rules, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried {Rows} lov overrides of the per-kommun calendars over into the national calendar")]
    private static partial void LogCarriedOver(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The school calendar change '{Trigger}' was stored but the plan was not told; it re-solves on its next change")]
    private static partial void LogNotReplanned(ILogger logger, string trigger, Exception exception);
}
