using Planering.Domain.Calendar;

namespace Planering.Grains.Scheduling;

/// <summary>One imported row of a published school calendar (stored; see <see cref="SchoolCalendarEntry"/>).</summary>
[GenerateSerializer, Immutable, Alias("planering.SchoolCalendarEntryRecord")]
public sealed record SchoolCalendarEntryRecord(
    [property: Id(0)] string Kommunkod,
    [property: Id(1)] string? OrganisationNumber,
    [property: Id(2)] int SchoolYear,
    [property: Id(3)] SchoolCalendarPeriodKind Kind,
    [property: Id(4)] DateOnly FirstDay,
    [property: Id(5)] DateOnly LastDay);

/// <summary>A kommun's school-calendar rule; a null setting is inherited (see <see cref="KommunLovRule"/>).</summary>
[GenerateSerializer, Immutable, Alias("planering.KommunLovRuleRecord")]
public sealed record KommunLovRuleRecord(
    [property: Id(0)] int? SportlovWeek,
    [property: Id(1)] PasklovRule? Pasklov,
    [property: Id(2)] int? PasklovWeek,
    [property: Id(3)] int? LateEasterFromAprilDay,
    [property: Id(4)] int? HostlovWeek,
    [property: Id(5)] int? LastSchoolDayJune,
    [property: Id(6)] DayOfWeek? LastSchoolDayWeekday,
    [property: Id(7)] int? FirstSchoolDayAugust,
    [property: Id(8)] int? LastSchoolDayDecember,
    [property: Id(9)] int? FirstSchoolDayJanuary);

/// <summary>A kommun rule a planner set, stored by kommunkod.</summary>
[GenerateSerializer, Immutable, Alias("planering.KommunRuleEntryRecord")]
public sealed record KommunRuleEntryRecord([property: Id(0)] string Kommunkod, [property: Id(1)] KommunLovRuleRecord Rule);

/// <summary>
/// The whole school calendar at one version: the planners' kommun rules and the imported rows. The version is new at
/// every change (never reused, also across clusters), so a built calendar can be kept by it; <see cref="Guid.Empty"/> is
/// the calendar of the shipped defaults alone.
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.SchoolCalendarSnapshot")]
public sealed record SchoolCalendarSnapshot(
    [property: Id(0)] Guid Version,
    [property: Id(1)] IReadOnlyList<KommunRuleEntryRecord> KommunRules,
    [property: Id(2)] IReadOnlyList<SchoolCalendarEntryRecord> Entries);

/// <summary>What an import did (or, dry, would do): rows new, changed and already there as given.</summary>
[GenerateSerializer, Immutable, Alias("planering.SchoolCalendarImportResult")]
public sealed record SchoolCalendarImportResult(
    [property: Id(0)] int New,
    [property: Id(1)] int Changed,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] bool DryRun,
    [property: Id(4)] Guid Version);

/// <summary>A kommun's rules three ways: what a planner set, what ships for it, and the complete rules in force.</summary>
[GenerateSerializer, Immutable, Alias("planering.KommunRulesRecord")]
public sealed record KommunRulesRecord(
    [property: Id(0)] string Kommunkod,
    [property: Id(1)] KommunLovRuleRecord Set,
    [property: Id(2)] KommunLovRuleRecord Shipped,
    [property: Id(3)] KommunLovRuleRecord Effective,
    [property: Id(4)] string ShippedEvidence);
