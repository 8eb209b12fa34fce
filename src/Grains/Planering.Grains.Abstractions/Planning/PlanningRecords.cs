using Planering.Domain.Planning;
using Planering.Grains.Registry;

namespace Planering.Grains.Planning;

[GenerateSerializer, Immutable, Alias("planering.OfficePlanRecord")]
public sealed record OfficePlanRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] int HuvudmanCount,
    [property: Id(2)] double DemandHours,
    [property: Id(3)] double CapacityHours,
    [property: Id(4)] double Utilisation,
    [property: Id(5)] double TravelKmPerYear,
    [property: Id(6)] double TravelHoursPerYear,
    [property: Id(7)] double MonthsToCover,
    [property: Id(8)] double DialoguesPerYear = 0,
    [property: Id(9)] double DialogueCapacityPerYear = 0,
    [property: Id(10)] double HoursUtilisation = 0,
    [property: Id(11)] double DialogueUtilisation = 0,
    [property: Id(12)] BindingLimit Binding = BindingLimit.None,
    [property: Id(13)] LoadStatus Status = LoadStatus.Ok,
    [property: Id(14)] double NightsAwayPerYear = 0,
    [property: Id(15)] string? NoCapacityReason = null);

/// <summary>A plan's figures per office and in total.</summary>
[GenerateSerializer, Immutable, Alias("planering.PlanRecord")]
public sealed record PlanRecord(
    [property: Id(0)] IReadOnlyList<OfficePlanRecord> Offices,
    [property: Id(1)] double DemandHours,
    [property: Id(2)] double CapacityHours,
    [property: Id(3)] double NationalUtilisation,
    [property: Id(4)] double TravelKmPerYear,
    [property: Id(5)] double TravelHoursPerYear,
    [property: Id(6)] double MonthsToCover,
    [property: Id(7)] bool Feasible,
    [property: Id(8)] double OverloadHours,
    [property: Id(9)] int Moved,
    [property: Id(10)] DateTimeOffset ComputedAt,
    [property: Id(11)] double DialoguesPerYear = 0,
    [property: Id(12)] double DialogueCapacityPerYear = 0,
    [property: Id(13)] double HoursUtilisation = 0,
    [property: Id(14)] double DialogueUtilisation = 0,
    [property: Id(15)] BindingLimit Binding = BindingLimit.None,
    [property: Id(16)] LoadStatus Status = LoadStatus.Ok,
    [property: Id(17)] long ParametersVersion = 0,
    [property: Id(18)] double NightsAwayPerYear = 0);

[GenerateSerializer, Immutable, Alias("planering.ReassignmentRecord")]
public sealed record ReassignmentRecord(
    [property: Id(0)] string HuvudmanId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kommunkod,
    [property: Id(3)] string FromOfficeId,
    [property: Id(4)] string ToOfficeId,
    [property: Id(5)] double RoadKmBefore,
    [property: Id(6)] double RoadKmAfter,
    [property: Id(7)] bool OrganisationNumberSynthetic = false);

[GenerateSerializer, Immutable, Alias("planering.LanEffectRecord")]
public sealed record LanEffectRecord(
    [property: Id(0)] string Lanskod,
    [property: Id(1)] string Lan,
    [property: Id(2)] int HuvudmanReassigned,
    [property: Id(3)] double TravelKmPerYearBefore,
    [property: Id(4)] double TravelKmPerYearAfter);

/// <summary>
/// A new office to simulate: its profile and staff, either <c>Advisors</c> as given or, when <c>AdvisorCount</c> is above
/// 0, that many full-time advisors the scenario grain staffs it with (the domain's <c>Staffing.FullTime</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.OfficeSpec")]
public sealed record OfficeSpec(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Kommunkod,
    [property: Id(3)] GeoPoint? Position,
    [property: Id(4)] IReadOnlyList<AdvisorRecord> Advisors,
    [property: Id(5)] DateOnly? Opening,
    [property: Id(6)] ScenarioParameters? Parameters = null,
    [property: Id(7)] int AdvisorCount = 0);

/// <summary>
/// What a scenario assumes instead of the live world: its own planning parameters (the live ones when null) and a staff
/// of full-time advisors at every existing office (their own staff when 0). The live set is never touched.
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.ScenarioParameters")]
public sealed record ScenarioParameters(
    [property: Id(0)] PlanningParametersDocument? Parameters,
    [property: Id(1)] int AdvisorsPerOffice);

/// <summary>A what-if: the plan before and after opening an office, and what changes.</summary>
[GenerateSerializer, Immutable, Alias("planering.ScenarioResultRecord")]
public sealed record ScenarioResultRecord(
    [property: Id(0)] Guid ScenarioId,
    [property: Id(1)] PlanRecord Before,
    [property: Id(2)] PlanRecord After,
    [property: Id(3)] IReadOnlyList<ReassignmentRecord> Reassigned,
    [property: Id(4)] IReadOnlyList<LanEffectRecord> LanEffects,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] string OfficeId)
{
    public double TravelKmSavedPerYear => Before.TravelKmPerYear - After.TravelKmPerYear;

    public double TravelHoursSavedPerYear => Before.TravelHoursPerYear - After.TravelHoursPerYear;

    public double NightsAwaySavedPerYear => Before.NightsAwayPerYear - After.NightsAwayPerYear;
}

/// <summary>One kommun evaluated as the next office's site.</summary>
[GenerateSerializer, Immutable, Alias("planering.SiteEvaluationRecord")]
public sealed record SiteEvaluationRecord(
    [property: Id(0)] string Kommunkod,
    [property: Id(1)] double TravelKmSavedPerYear,
    [property: Id(2)] double TravelHoursSavedPerYear,
    [property: Id(3)] double MonthsToCoverAfter,
    [property: Id(4)] int HuvudmanReassigned,
    [property: Id(5)] SiteJudgementRecord? Judgement = null,
    [property: Id(6)] double NightsAwaySavedPerYear = 0,
    [property: Id(7)] double DialogueCapacityPerYear = 0,
    [property: Id(8)] double UtilisationAfter = 0,
    [property: Id(9)] BindingLimit BindingAfter = BindingLimit.None);

/// <summary>The siting rules of one ranking (see <c>Planering.Domain.Siting.SitingRules</c>).</summary>
[GenerateSerializer, Immutable, Alias("planering.SitingRulesRecord")]
public sealed record SitingRulesRecord(
    [property: Id(0)] bool RequireLarosate,
    [property: Id(1)] double MaxLarosateKm,
    [property: Id(2)] double MinOfficeDistanceKm,
    [property: Id(3)] bool PreferSpsm,
    [property: Id(4)] IReadOnlyList<string> SpsmKommunkoder,
    [property: Id(5)] IReadOnlyList<string> Excluded,
    [property: Id(6)] IReadOnlyList<string> Insisted);

[GenerateSerializer, Immutable, Alias("planering.RuleVerdictRecord")]
public sealed record RuleVerdictRecord(
    [property: Id(0)] string Rule,
    [property: Id(1)] bool Passed,
    [property: Id(2)] string Reason,
    [property: Id(3)] string ReasonSv);

/// <summary>How a kommun stands against the siting rules.</summary>
[GenerateSerializer, Immutable, Alias("planering.SiteJudgementRecord")]
public sealed record SiteJudgementRecord(
    [property: Id(0)] bool Eligible,
    [property: Id(1)] bool SpsmSite,
    [property: Id(2)] bool Preferred,
    [property: Id(3)] string NearestLarosate,
    [property: Id(4)] string NearestLarosateKommunkod,
    [property: Id(5)] double NearestLarosateKm,
    [property: Id(6)] string NearestOfficeId,
    [property: Id(7)] double NearestOfficeKm,
    [property: Id(8)] IReadOnlyList<RuleVerdictRecord> Verdicts);

/// <summary>Which kommuner to evaluate as the next office, with how many advisors, and under which rules.</summary>
[GenerateSerializer, Immutable, Alias("planering.SiteEvaluationQuery")]
public sealed record SiteEvaluationQuery(
    [property: Id(0)] IReadOnlyList<string> Kommunkoder,
    [property: Id(1)] int Advisors,
    [property: Id(2)] bool Exact,
    [property: Id(3)] SitingRulesRecord Rules);

/// <summary>One office of a wave, given the wave's earlier offices.</summary>
[GenerateSerializer, Immutable, Alias("planering.WaveSiteRecord")]
public sealed record WaveSiteRecord(
    [property: Id(0)] SiteEvaluationRecord Site,
    [property: Id(1)] double SingleSiteTravelKmSavedPerYear);

/// <summary>A wave of new offices evaluated together.</summary>
[GenerateSerializer, Immutable, Alias("planering.WaveRecord")]
public sealed record WaveRecord(
    [property: Id(0)] IReadOnlyList<WaveSiteRecord> Sites,
    [property: Id(1)] double TravelKmSavedPerYear,
    [property: Id(2)] double TravelHoursSavedPerYear,
    [property: Id(3)] double MonthsToCoverBefore,
    [property: Id(4)] double MonthsToCoverAfter,
    [property: Id(5)] int HuvudmanReassigned,
    [property: Id(6)] double SingleSiteTravelKmSavedSum,
    [property: Id(7)] double NightsAwaySavedPerYear);

/// <summary>The live world and assignment, copied for a scenario (which must never change the live plan).</summary>
[GenerateSerializer, Immutable, Alias("planering.PlanningSnapshot")]
public sealed record PlanningSnapshot(
    [property: Id(0)] IReadOnlyList<OfficeRecord> Offices,
    [property: Id(1)] IReadOnlyList<HuvudmanRecord> Huvudman,
    [property: Id(2)] IReadOnlyDictionary<string, string> OfficeByHuvudman);
