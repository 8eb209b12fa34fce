using System.Collections.Frozen;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Parameters;

/// <summary>
/// Every planning assumption in one versioned set: the effort of a dialogue and its steps, the cycle, the digital and
/// SPSM shares, the slot limits, the lead time, travel, the share of time for dialogues and the office hours (lunch and
/// shortened days included), with per-office overrides of the limits and hours and per-huvudman cycles. The slot search,
/// the plan, scenarios, the site ranking and the forecast all read the live set, so a change moves them together.
/// Each default is named with its source or reasoning in docs/planning-model.md.
/// </summary>
public sealed record PlanningParameters
{
    /// <summary>The version of the shipped defaults; every accepted change adds one.</summary>
    public const long FirstVersion = 1;

    /// <summary>The most per-office overrides and per-huvudman cycles one set may hold.</summary>
    public const int MaxOverrides = 200_000;

    /// <summary>The shipped defaults.</summary>
    public static PlanningParameters Default { get; } = new();

    /// <summary>Increases by one with every accepted change; a change must name the version it was made from.</summary>
    public long Version { get; init; } = FirstVersion;

    /// <summary>Effort, cycle, shares, limits, lead time and travel.</summary>
    public WorkloadOptions Workload { get; init; } = WorkloadOptions.Default;

    /// <summary>Share of an advisor's working time that goes to dialogues, every step included (default 0.6).</summary>
    public double DialogueShare { get; init; } = CapacityModel.DefaultDialogueShare;

    /// <summary>Every office's hours unless overridden.</summary>
    public OfficeHours Hours { get; init; } = OfficeHours.Default;

    /// <summary>Per office id: its own limits and hours.</summary>
    public IReadOnlyDictionary<string, OfficeParameters> Offices { get; init; } = FrozenDictionary<string, OfficeParameters>.Empty;

    /// <summary>Per huvudman (organisation number): its own cycle in months, e.g. 12 for closer follow-up.</summary>
    public IReadOnlyDictionary<string, int> HuvudmanCycleMonths { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>
    /// Share of invited public huvudmän (kommun, region, state) that accept a dialogue (default 0.90). Statskontoret (2025):
    /// "drygt 8 av 10" invited huvudmän accept, municipal ones more often than independent ones; the split is an
    /// assumption that keeps the overall rate at about 0.82 over the documented scope (docs/invitations.md).
    /// </summary>
    public double AcceptanceRatePublic { get; init; } = DefaultAcceptanceRatePublic;

    /// <summary>Share of invited independent huvudmän (enskilda) that accept (default 0.81; see <see cref="AcceptanceRatePublic"/>).</summary>
    public double AcceptanceRateIndependent { get; init; } = DefaultAcceptanceRateIndependent;

    /// <summary>
    /// The day the mandate's first cycle began (default 2022-10-01: every huvudman to be offered a dialogue within three
    /// years from October 2022); the cycles of <see cref="WorkloadOptions.CycleMonths"/> follow one another from it.
    /// </summary>
    public DateOnly MandateStart { get; init; } = DefaultMandateStart;

    public const double DefaultAcceptanceRatePublic = 0.90;

    public const double DefaultAcceptanceRateIndependent = 0.81;

    /// <summary>A property, not a static field: <see cref="Default"/> is built before any later static field is set.</summary>
    public static DateOnly DefaultMandateStart => new(2022, 10, 1);

    /// <summary>The probability that an invited huvudman of this type accepts.</summary>
    public double AcceptanceRateFor(HuvudmanType type) =>
        type == HuvudmanType.Independent ? AcceptanceRateIndependent : AcceptanceRatePublic;

    /// <summary>The cycle of one huvudman: its own, or the set's.</summary>
    public int CycleMonthsFor(string huvudmanId) =>
        HuvudmanCycleMonths.TryGetValue(huvudmanId, out var months) ? months : Workload.CycleMonths;

    /// <summary>The workload options of one office: the set's, with the office's own limits.</summary>
    public WorkloadOptions WorkloadOptionsFor(string? officeId) =>
        officeId is not null && Offices.TryGetValue(officeId, out var own) && (own.MaxDialoguesPerDay is not null || own.MaxDialoguesPerWeek is not null)
            ? Workload with
            {
                MaxDialoguesPerDay = own.MaxDialoguesPerDay ?? Workload.MaxDialoguesPerDay,
                MaxDialoguesPerWeek = own.MaxDialoguesPerWeek ?? Workload.MaxDialoguesPerWeek,
            }
            : Workload;

    /// <summary>The workload model of one office (its own limits applied).</summary>
    public WorkloadModel WorkloadFor(string? officeId) => new(WorkloadOptionsFor(officeId));

    /// <summary>The hours of one office: its own, or the set's.</summary>
    public OfficeHours HoursFor(string? officeId) =>
        officeId is not null && Offices.TryGetValue(officeId, out var own) && own.Hours is { } hours ? hours : Hours;

    /// <summary>The working time of one office.</summary>
    public OfficeWorkingTime WorkingTimeFor(string? officeId) => new(SwedishHolidays.Default, HoursFor(officeId));

    /// <summary>The capacity model of one office, with the school calendar the caller reads.</summary>
    public CapacityModel CapacityFor(string? officeId, SchoolHolidayCalendar schoolHolidays) =>
        new(WorkingTimeFor(officeId), schoolHolidays, DialogueShare, WorkloadOptionsFor(officeId));

    /// <summary>Throws <see cref="PlaneringException"/> naming every invalid field (proto field names).</summary>
    public void Validate()
    {
        var v = new Violations();
        v.Require(Version >= FirstVersion, "version", "must be at least 1");
        if (Workload is null)
        {
            v.Add("workload", "is required");
        }
        else
        {
            Workload.Validate(v);
        }

        v.Require(double.IsFinite(DialogueShare) && DialogueShare is > 0 and <= 1, "dialogue_share", "must be greater than 0 and at most 1");
        if (Hours is null)
        {
            v.Add("office_hours", "is required");
        }
        else
        {
            Hours.Validate(v, "office_hours.");
        }

        v.Require(double.IsFinite(AcceptanceRatePublic) && AcceptanceRatePublic is > 0 and <= 1, "acceptance_rate_public", "must be greater than 0 and at most 1");
        v.Require(double.IsFinite(AcceptanceRateIndependent) && AcceptanceRateIndependent is > 0 and <= 1, "acceptance_rate_independent", "must be greater than 0 and at most 1");
        v.Require(MandateStart >= new DateOnly(2000, 1, 1) && MandateStart <= new DateOnly(2100, 1, 1), "mandate_start", "must be a date between 2000-01-01 and 2100-01-01");
        ValidateOffices(v);
        ValidateCycles(v);
        v.ThrowIfAny();
    }

    private void ValidateOffices(Violations v)
    {
        if (Offices is null)
        {
            v.Add("office_overrides", "must be a list");
            return;
        }

        v.Require(Offices.Count <= MaxOverrides, "office_overrides", $"must hold at most {MaxOverrides} offices");
        // Named by key rather than position: a dictionary has no order the caller could count in.
        foreach (var (officeId, own) in Offices.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var field = $"office_overrides[{Shown(officeId)}]";
            v.Require(RegistryRules.IsSlug(officeId), field + ".office_id", "must be an office id (a-z, 0-9 and '-', 2–40 characters)");
            var day = own.MaxDialoguesPerDay ?? Workload?.MaxDialoguesPerDay ?? 1;
            var week = own.MaxDialoguesPerWeek ?? Workload?.MaxDialoguesPerWeek ?? 1;
            v.Require(own.MaxDialoguesPerDay is null or >= 1 and <= 50, field + ".max_dialogues_per_day", "must be between 1 and 50 (or unset to use the set's)");
            v.Require(own.MaxDialoguesPerWeek is null or >= 1 and <= 250, field + ".max_dialogues_per_week", "must be between 1 and 250 (or unset to use the set's)");
            v.Require(week >= day, field + ".max_dialogues_per_week", "must be at least the office's max_dialogues_per_day");
            own.Hours?.Validate(v, field + ".office_hours.");
        }
    }

    private void ValidateCycles(Violations v)
    {
        if (HuvudmanCycleMonths is null)
        {
            v.Add("huvudman_cycles", "must be a list");
            return;
        }

        v.Require(HuvudmanCycleMonths.Count <= MaxOverrides, "huvudman_cycles", $"must hold at most {MaxOverrides} huvudmän");
        foreach (var (huvudmanId, months) in HuvudmanCycleMonths.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var field = $"huvudman_cycles[{Shown(huvudmanId)}]";
            v.Require(OrganisationNumber.TryParse(huvudmanId, out _, out _), field + ".huvudman_id", "must be an organisation number (10 digits, Luhn-checked)");
            v.Require(months is >= 1 and <= 240, field + ".cycle_months", "must be between 1 and 240");
        }
    }


/// <summary>A key as it may appear in a field name: short, without control characters.</summary>
    private static string Shown(string key) =>
        key.Length <= 40 && key.All(c => !char.IsControl(c)) ? key : "…";
}

/// <summary>One office's own limits and hours; a null member takes the set's value.</summary>
public sealed record OfficeParameters(int? MaxDialoguesPerDay = null, int? MaxDialoguesPerWeek = null, OfficeHours? Hours = null);
