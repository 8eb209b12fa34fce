using System.Globalization;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Travel;

namespace Planering.Domain.Workload;

/// <summary>
/// The one model of what quality dialogues cost: hours per dialogue, preparation lead time, travel, the cycle between a
/// huvudman's dialogues and an office's daily and weekly caps. Slot search, planning and forecasting all ask it, so a
/// changed assumption changes them together. The formulas are documented on <see cref="WorkloadOptions"/>.
/// </summary>
public sealed class WorkloadModel
{
    /// <summary>The largest huvudman the model accepts (as the registry does).</summary>
    public const int MaxPupils = HuvudmanProfile.MaxPupils;

    /// <summary>Further than any two points in Sweden (about 1,600 km); larger distances are input errors.</summary>
    public const double MaxDistanceKm = 2_500;

    private static readonly string DistanceRule = string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {MaxDistanceKm} km");

    public WorkloadModel(WorkloadOptions? options = null)
    {
        Options = options ?? WorkloadOptions.Default;
        Options.Validate();
        Trips = new TripPlanner(Options);
    }

    /// <summary>How on-site dialogues are travelled: legs, ferries, nights away.</summary>
    public TripPlanner Trips { get; }

    /// <summary>The model with <see cref="WorkloadOptions.Default"/>.</summary>
    public static WorkloadModel Default { get; } = new();

    public WorkloadOptions Options { get; }

    /// <summary>Length of the dialogue for a huvudman of this size, in hours, to the nearest quarter hour.</summary>
    public double DialogueHours(int pupils)
    {
        RequirePupils(pupils);
        return Grow(pupils, Options.DialogueBaseHours, Options.DialogueHoursPerDoubling, Options.DialogueMaxHours);
    }

    /// <summary>Advisor hours to prepare the analysis document for a huvudman of this size, to the nearest quarter hour.</summary>
    public double PreparationHours(int pupils)
    {
        RequirePupils(pupils);
        return Grow(pupils, Options.PreparationBaseHours, Options.PreparationHoursPerDoubling, Options.PreparationMaxHours);
    }

    /// <summary>One advisor's travel one way: great-circle km × road factor ÷ speed (not rounded).</summary>
    public double TravelHoursOneWay(double distanceKm)
    {
        RequireDistance(distanceKm);
        return distanceKm * Options.RoadFactor / Options.TravelSpeedKmPerHour;
    }

    /// <summary>The cost of one dialogue with a huvudman of <paramref name="pupils"/> at <paramref name="distanceKm"/> (great circle) from the office.</summary>
    /// <param name="distanceKm">Ignored for a digital dialogue, but still checked.</param>
    /// <param name="spsmParticipates">Whether SPSM takes part; SPSM's hours are not the office's, so the sums do not change.</param>
    public DialogueEffort Estimate(int pupils, DialogueMode mode, double distanceKm, bool spsmParticipates = false)
    {
        var violations = new Violations();
        violations.Require(pupils is >= 0 and <= MaxPupils, "pupils", $"must be between 0 and {MaxPupils}");
        violations.Require(Enum.IsDefined(mode), "mode", "must be DIGITAL or ON_SITE");
        violations.Require(IsDistance(distanceKm), "distance_km", DistanceRule);
        violations.ThrowIfAny();

        return new DialogueEffort(
            mode,
            Options.AdvisorsPerDialogue,
            spsmParticipates,
            DialogueHours(pupils),
            PreparationHours(pupils),
            mode == DialogueMode.OnSite ? TravelHoursOneWay(distanceKm) : 0,
            StartMeetingAdvisorHours,
            Options.FollowUpHours * Options.FollowUpAdvisors,
            spsmParticipates ? Options.SpsmCoordinationHours : 0);
    }

    /// <summary>One dialogue's share of a group introduction, in advisor hours.</summary>
    public double StartMeetingAdvisorHours => Options.StartMeetingHours * Options.StartMeetingAdvisors / Options.StartMeetingHuvudmanPerGroup;

    /// <summary>Hours the feedback meeting takes each advisor in it (0 when no advisor takes part).</summary>
    public double FollowUpHoursPerAdvisor => Options.FollowUpAdvisors > 0 ? Options.FollowUpHours : 0;

    /// <summary>
    /// Expected advisor hours of one dialogue, every step (introduction share, preparation, dialogue, travel, feedback
    /// meeting, SPSM coordination) under the digital/on-site mix of <see cref="WorkloadOptions.DigitalShare"/> and SPSM's
    /// <see cref="WorkloadOptions.SpsmShare"/>: what planning and forecasting count per dialogue, as the slot search books it.
    /// </summary>
    public double ExpectedAdvisorHoursPerDialogue(int pupils, double distanceKm)
    {
        var km = Math.Min(distanceKm, MaxDistanceKm);
        var share = Options.DigitalShare;
        return (share * Estimate(pupils, DialogueMode.Digital, km).AdvisorHoursTotal)
            + ((1 - share) * Estimate(pupils, DialogueMode.OnSite, km).AdvisorHoursTotal)
            + (Options.SpsmShare * Options.SpsmCoordinationHours);
    }

    /// <summary>
    /// How an on-site dialogue with a huvudman of <paramref name="pupils"/> in <paramref name="kommunkod"/> is travelled from
    /// the office when the advisors are free (<see cref="TripPlanner.Plan(GeoPosition, GeoPosition, string, int, OfficeHours)"/>
    /// with the dialogue's length): what the plan, the what-if and the forecast count.
    /// </summary>
    public TripPlan Trip(GeoPosition office, GeoPosition huvudman, string kommunkod, int pupils, OfficeHours? hours = null) =>
        Trips.Plan(office, huvudman, kommunkod, (int)Math.Round(DialogueHours(pupils) * 60), hours ?? OfficeHours.Default);

    /// <summary>
    /// Expected advisor hours of one dialogue under the digital/on-site mix when its trip is known: every step (as
    /// <see cref="ExpectedAdvisorHoursPerDialogue(int, double)"/>) with the trip's travel (a ferry's crossing and waits included). A huvudman out of reach on site from this office is
    /// held digitally.
    /// </summary>
    public double ExpectedAdvisorHoursPerDialogue(int pupils, TripPlan trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var digital = Estimate(pupils, DialogueMode.Digital, 0).AdvisorHoursTotal;
        if (trip.Shape == TripShape.Unreachable)
        {
            return digital;
        }

        var onSite = digital + (trip.TravelMinutes / 60.0 * Options.AdvisorsPerDialogue);
        return (Options.DigitalShare * digital) + ((1 - Options.DigitalShare) * onSite) + (Options.SpsmShare * Options.SpsmCoordinationHours);
    }

    /// <summary>
    /// Expected nights away, travel hours and road km of one dialogue for all its advisors under the digital/on-site mix
    /// (zero when out of reach on site, as such a dialogue is held digitally).
    /// </summary>
    public (double AdvisorNights, double AdvisorTravelHours, double AdvisorRoadKm) ExpectedTravelPerDialogue(TripPlan trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        if (trip.Shape == TripShape.Unreachable)
        {
            return (0, 0, 0);
        }

        var perDialogue = (1 - Options.DigitalShare) * Options.AdvisorsPerDialogue;
        return (trip.Nights * perDialogue, trip.TravelMinutes / 60.0 * perDialogue, trip.RoadKmRoundTrip * perDialogue);
    }

    /// <summary>
    /// Advisor hours per year a huvudman needs: the mix of digital and on-site dialogue costs, one dialogue per cycle,
    /// spread over the cycle's years.
    /// </summary>
    /// <param name="digitalShare">Share of digital dialogues in [0, 1]; default <see cref="WorkloadOptions.DigitalShare"/>.</param>
    /// <param name="cycleMonths">The huvudman's cycle; default <see cref="WorkloadOptions.CycleMonths"/>.</param>
    public double DemandHoursPerYear(int pupils, double distanceKm, double? digitalShare = null, int? cycleMonths = null)
    {
        var share = digitalShare ?? Options.DigitalShare;
        var months = cycleMonths ?? Options.CycleMonths;
        var violations = new Violations();
        violations.Require(double.IsFinite(share) && share is >= 0 and <= 1, "digital_share", "must be between 0 and 1");
        RequireCycle(violations, months);
        violations.ThrowIfAny();

        var digital = Estimate(pupils, DialogueMode.Digital, distanceKm).AdvisorHoursTotal;
        var onSite = Estimate(pupils, DialogueMode.OnSite, distanceKm).AdvisorHoursTotal;
        var perDialogue = (share * digital) + ((1 - share) * onSite) + (Options.SpsmShare * Options.SpsmCoordinationHours);
        return perDialogue * 12.0 / months;
    }

    /// <summary>The first date a huvudman is due again after its last dialogue: one cycle later (end of month clamped).</summary>
    public DateOnly NextDueDate(DateOnly lastDialogue, int? cycleMonths = null)
    {
        var months = cycleMonths ?? Options.CycleMonths;
        var violations = new Violations();
        RequireCycle(violations, months);
        violations.ThrowIfAny();
        return lastDialogue.AddMonths(months);
    }

    /// <summary>True when a dialogue on <paramref name="date"/> respects the cycle: never held before, or a cycle has passed.</summary>
    public bool IsDue(DateOnly? lastDialogue, DateOnly date, int? cycleMonths = null) =>
        lastDialogue is not { } last || date >= NextDueDate(last, cycleMonths);

    /// <summary>
    /// The earliest date a dialogue booked on <paramref name="bookingDate"/> can be held: the preparation lead time in
    /// working days must lie between. The booking day counts as a preparation day when it is a working day.
    /// </summary>
    public DateOnly EarliestDialogueDate(DateOnly bookingDate, OfficeWorkingTime workingTime)
    {
        ArgumentNullException.ThrowIfNull(workingTime);
        return workingTime.AddWorkingDays(workingTime.FirstWorkingDayOnOrAfter(bookingDate), Options.PreparationLeadWorkingDays);
    }

    /// <summary>The first day of the preparation window of a dialogue: the window is the lead time's working days right before it.</summary>
    public DateOnly PreparationStart(DateOnly dialogueDate, OfficeWorkingTime workingTime)
    {
        ArgumentNullException.ThrowIfNull(workingTime);
        return workingTime.AddWorkingDays(dialogueDate, -Options.PreparationLeadWorkingDays);
    }

    /// <summary>True when booking on <paramref name="bookingDate"/> leaves the lead time to prepare a dialogue on <paramref name="dialogueDate"/>.</summary>
    public bool HasPreparationTime(DateOnly bookingDate, DateOnly dialogueDate, OfficeWorkingTime workingTime) =>
        dialogueDate >= EarliestDialogueDate(bookingDate, workingTime);

    /// <summary>True when an office that already holds these dialogues on the day and in its ISO week may take one more.</summary>
    public bool AllowsAnotherDialogue(int dialoguesOnDay, int dialoguesInIsoWeek)
    {
        var violations = new Violations();
        violations.Require(dialoguesOnDay >= 0, "dialogues_on_day", "must not be negative");
        violations.Require(dialoguesInIsoWeek >= dialoguesOnDay, "dialogues_in_week", "must not be less than dialogues_on_day");
        violations.ThrowIfAny();
        return dialoguesOnDay < Options.MaxDialoguesPerDay && dialoguesInIsoWeek < Options.MaxDialoguesPerWeek;
    }

    private double Grow(int pupils, double baseHours, double perDoubling, double maxHours)
    {
        var reference = (double)Options.SizeReferencePupils;
        var doublings = Math.Log2(Math.Max(pupils, reference) / reference);
        return RoundToQuarterHour(Math.Min(maxHours, baseHours + (perDoubling * doublings)));
    }

    // Calendars book in quarter hours; halves round up so that a borderline size gets the longer time.
    private static double RoundToQuarterHour(double hours) => Math.Round(hours * 4, MidpointRounding.AwayFromZero) / 4;

    private static bool IsDistance(double km) => double.IsFinite(km) && km is >= 0 and <= MaxDistanceKm;

    private static void RequirePupils(int pupils)
    {
        if (pupils is < 0 or > MaxPupils)
        {
            throw PlaneringException.Invalid("pupils", $"must be between 0 and {MaxPupils}");
        }
    }

    private static void RequireDistance(double km)
    {
        if (!IsDistance(km))
        {
            throw PlaneringException.Invalid("distance_km", DistanceRule);
        }
    }

    private static void RequireCycle(Violations violations, int months) =>
        violations.Require(months is >= 1 and <= 240, "cycle_months", "must be between 1 and 240");
}
