using Planering.Domain.Calendar;

namespace Planering.Grains.Scheduling;

/// <summary>
/// The one school calendar every part of Planering reads (key: <see cref="Hosting.GrainKeys.Sweden"/>): the planners'
/// kommun rules and the rows imported from published calendars, on top of the shipped defaults. The single writer, so an
/// import of many kommuner is applied whole or not at all. Readers keep the calendar they built by its version.
/// </summary>
[Alias("planering.INationalSchoolCalendarGrain")]
public interface INationalSchoolCalendarGrain : IGrainWithStringKey
{
    /// <summary>The current version (cheap: every slot search asks).</summary>
    [Alias("GetVersion"), ReadOnly, AlwaysInterleave]
    Task<Guid> GetVersionAsync();

    /// <summary>The whole calendar at its current version.</summary>
    [Alias("GetSnapshot"), ReadOnly, AlwaysInterleave]
    Task<SchoolCalendarSnapshot> GetSnapshotAsync();

    /// <summary>
    /// Imports the rows, each replacing the row of the same calendar, school year and kind; all or none (INVALID_ARGUMENT
    /// naming <c>rows[i].field</c>). Nothing is written when every row is there already, or with <paramref name="dryRun"/>.
    /// </summary>
    [Alias("Import")]
    Task<SchoolCalendarImportResult> ImportAsync(IReadOnlyList<SchoolCalendarEntryRecord> rows, bool dryRun);

    /// <summary>Sets one lov of one kommun and year (an ISO week or dates), as a one-row import; returns that year's lov.</summary>
    [Alias("SetLov")]
    Task<IReadOnlyList<LovPeriodRecord>> SetLovAsync(string kommunkod, int year, LovKind kind, int? week, DateOnly? startDate, DateOnly? endDate);

    /// <summary>Replaces a kommun's own rule (all-null goes back to the shipped default).</summary>
    [Alias("SetKommunRule")]
    Task<KommunRulesRecord> SetKommunRuleAsync(string kommunkod, KommunLovRuleRecord rule);

    [Alias("GetKommunRule"), ReadOnly]
    Task<KommunRulesRecord> GetKommunRuleAsync(string kommunkod);

    /// <summary>
    /// Takes over the overrides that earlier versions stored per kommun (<see cref="ISchoolCalendarGrain"/>), once; the
    /// grain calls it itself after its first activation, so the carry-over is serialised with every other change.
    /// </summary>
    [Alias("CarryOverLegacy")]
    Task CarryOverLegacyAsync(IReadOnlyList<LovOverrideRecord> legacy);

    /// <summary>The lov of a kommun's year, or of an independent huvudman's when it has its own calendar.</summary>
    [Alias("GetPeriods"), ReadOnly]
    Task<IReadOnlyList<LovPeriodRecord>> GetPeriodsAsync(string kommunkod, int year, string? organisationNumber);
}
