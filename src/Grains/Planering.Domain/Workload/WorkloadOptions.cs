using System.Globalization;
using Planering.Domain.Errors;
using Planering.Domain.Travel;

namespace Planering.Domain.Workload;

/// <summary>
/// The parameters of <see cref="WorkloadModel"/>. The defaults are planning assumptions (no published figure exists);
/// every one can be changed per installation.
/// </summary>
/// <remarks>
/// Size growth: with <c>s = log2(max(pupils, SizeReferencePupils) / SizeReferencePupils)</c>, the number of doublings
/// above the reference size,
/// <list type="bullet">
/// <item>dialogue hours = min(DialogueMaxHours, DialogueBaseHours + DialogueHoursPerDoubling × s), to the nearest quarter hour;</item>
/// <item>preparation hours = min(PreparationMaxHours, PreparationBaseHours + PreparationHoursPerDoubling × s), likewise.</item>
/// </list>
/// With the defaults a huvudman of up to 500 pupils has a 2 h dialogue and 6 h of preparation, 2,000 pupils 3 h and
/// 10 h, and from 8,000 pupils the dialogue is capped at 4 h (preparation at 16 h from 16,000). A logarithm because a
/// large organiser brings more material and more people, but not in proportion to its size.
/// </remarks>
public sealed record WorkloadOptions
{
    /// <summary>The defaults documented on each property.</summary>
    public static WorkloadOptions Default { get; } = new();

    /// <summary>Advisors who hold each dialogue together (default 2).</summary>
    public int AdvisorsPerDialogue { get; init; } = 2;

    /// <summary>Pupils up to which a huvudman counts as small: it gets the base hours (default 500).</summary>
    public int SizeReferencePupils { get; init; } = 500;

    /// <summary>Length of a small huvudman's dialogue, in hours (default 2).</summary>
    public double DialogueBaseHours { get; init; } = 2.0;

    /// <summary>Hours added to the dialogue per doubling of pupils above the reference (default 0.5).</summary>
    public double DialogueHoursPerDoubling { get; init; } = 0.5;

    /// <summary>The longest dialogue, in hours (default 4).</summary>
    public double DialogueMaxHours { get; init; } = 4.0;

    /// <summary>Advisor hours to prepare a small huvudman's analysis document, analysunderlag (default 6).</summary>
    public double PreparationBaseHours { get; init; } = 6.0;

    /// <summary>Preparation hours added per doubling of pupils above the reference (default 2).</summary>
    public double PreparationHoursPerDoubling { get; init; } = 2.0;

    /// <summary>The most preparation one dialogue takes, in advisor hours (default 16).</summary>
    public double PreparationMaxHours { get; init; } = 16.0;

    /// <summary>
    /// Working days before the dialogue in which the analysis document is prepared and sent (default 10: two weeks, so
    /// the huvudman can read it). A dialogue can be booked no sooner than this many working days ahead.
    /// </summary>
    public int PreparationLeadWorkingDays { get; init; } = 10;

    /// <summary>Road distance per great-circle kilometre (default 1.3, typical for Swedish roads between towns).</summary>
    public double RoadFactor { get; init; } = 1.3;

    /// <summary>Average door-to-door travel speed in km/h (default 80).</summary>
    public double TravelSpeedKmPerHour { get; init; } = 80.0;

    /// <summary>
    /// Months from one dialogue with a huvudman to the next (default 36): it is not due again sooner, and over a cycle each
    /// huvudman has one dialogue. A huvudman may carry its own cycle length instead.
    /// </summary>
    public int CycleMonths { get; init; } = 36;

    /// <summary>Share of dialogues held digitally when forecasting demand (default 0.5).</summary>
    public double DigitalShare { get; init; } = 0.5;

    /// <summary>The most dialogues one office holds on one day (default 2).</summary>
    public int MaxDialoguesPerDay { get; init; } = 2;

    /// <summary>
    /// The most dialogues one office holds in one ISO week (default 7). Calibrated: replaying the first year through the slot
    /// search (docs/calibration.md) holds about 600 dialogues in the first 13 months at 7, as the seeds report; 6 gives
    /// about 545 and 8 about 665.
    /// </summary>
    public int MaxDialoguesPerWeek { get; init; } = 7;

    /// <summary>Ferry lines, nights away and trip lengths of on-site dialogues (see <see cref="TripOptions"/> and docs/travel-and-trips.md).</summary>
    public TripOptions Trips { get; init; } = TripOptions.Default;

    /// <summary>
    /// Length of the digital introduction (start meeting) in hours (default 1.5). It is held for a group of huvudmän at
    /// once (DIALOGUE-FACTS: "en digital informationsträff … med flera huvudmän"), at the start of the preparation window.
    /// </summary>
    public double StartMeetingHours { get; init; } = 1.5;

    /// <summary>Huvudmän invited to one introduction (default 6): each dialogue carries this share of the meeting.</summary>
    public int StartMeetingHuvudmanPerGroup { get; init; } = 6;

    /// <summary>Advisors who hold an introduction (default 2).</summary>
    public int StartMeetingAdvisors { get; init; } = 2;

    /// <summary>Length of the digital feedback meeting (återkopplingsmöte) after the dialogue, in hours (default 1).</summary>
    public double FollowUpHours { get; init; } = 1.0;

    /// <summary>Advisors in the feedback meeting (default 2: those who held the dialogue).</summary>
    public int FollowUpAdvisors { get; init; } = 2;

    /// <summary>Working days after the dialogue that the feedback meeting is held (default 15: three weeks).</summary>
    public int FollowUpWorkingDaysAfter { get; init; } = 15;

    /// <summary>
    /// Share of dialogues SPSM takes part in, for plans and forecasts that do not know yet (default 0.25). SPSM's own hours
    /// are SPSM's, not the office's; the office's part is <see cref="SpsmCoordinationHours"/>.
    /// </summary>
    public double SpsmShare { get; init; } = 0.25;

    /// <summary>Office advisor hours to coordinate with SPSM when it takes part (default 1: shared preparation).</summary>
    public double SpsmCoordinationHours { get; init; } = 1.0;

    /// <summary>Throws <see cref="PlaneringException"/> naming every out-of-range parameter.</summary>
    public void Validate()
    {
        var v = new Violations();
        Validate(v);
        v.ThrowIfAny();
    }

    /// <summary>Adds every out-of-range parameter to <paramref name="v"/>.</summary>
    public void Validate(Violations v)
    {
        Hours(v, "start_meeting_hours", StartMeetingHours, 0, 12);
        v.Require(StartMeetingHuvudmanPerGroup is >= 1 and <= 500, "start_meeting_huvudman_per_group", "must be between 1 and 500");
        v.Require(StartMeetingAdvisors is >= 0 and <= 10, "start_meeting_advisors", "must be between 0 and 10");
        Hours(v, "follow_up_hours", FollowUpHours, 0, 12);
        v.Require(FollowUpAdvisors is >= 0 and <= 10, "follow_up_advisors", "must be between 0 and 10");
        v.Require(FollowUpWorkingDaysAfter is >= 0 and <= 250, "follow_up_working_days_after", "must be between 0 and 250");
        v.Require(double.IsFinite(SpsmShare) && SpsmShare is >= 0 and <= 1, "spsm_share", "must be between 0 and 1");
        Hours(v, "spsm_coordination_hours", SpsmCoordinationHours, 0, 50);
        v.Require(AdvisorsPerDialogue is >= 1 and <= 10, "advisors_per_dialogue", "must be between 1 and 10");
        v.Require(SizeReferencePupils >= 1, "size_reference_pupils", "must be at least 1");
        Hours(v, "dialogue_base_hours", DialogueBaseHours, 0.25, 12);
        Hours(v, "dialogue_hours_per_doubling", DialogueHoursPerDoubling, 0, 12);
        Hours(v, "dialogue_max_hours", DialogueMaxHours, 0.25, 12);
        v.Require(!(DialogueMaxHours < DialogueBaseHours), "dialogue_max_hours", "must not be less than dialogue_base_hours");
        Hours(v, "preparation_base_hours", PreparationBaseHours, 0, 200);
        Hours(v, "preparation_hours_per_doubling", PreparationHoursPerDoubling, 0, 200);
        Hours(v, "preparation_max_hours", PreparationMaxHours, 0, 200);
        v.Require(!(PreparationMaxHours < PreparationBaseHours), "preparation_max_hours", "must not be less than preparation_base_hours");
        v.Require(PreparationLeadWorkingDays is >= 0 and <= 250, "preparation_lead_working_days", "must be between 0 and 250");
        v.Require(double.IsFinite(RoadFactor) && RoadFactor is >= 1 and <= 3, "road_factor", "must be between 1 and 3");
        v.Require(double.IsFinite(TravelSpeedKmPerHour) && TravelSpeedKmPerHour is >= 5 and <= 300, "travel_speed_km_per_hour", "must be between 5 and 300");
        v.Require(CycleMonths is >= 1 and <= 240, "cycle_months", "must be between 1 and 240");
        v.Require(double.IsFinite(DigitalShare) && DigitalShare is >= 0 and <= 1, "digital_share", "must be between 0 and 1");
        v.Require(MaxDialoguesPerDay >= 1, "max_dialogues_per_day", "must be at least 1");
        v.Require(MaxDialoguesPerWeek >= 1 && MaxDialoguesPerWeek >= MaxDialoguesPerDay, "max_dialogues_per_week", "must be at least 1 and at least max_dialogues_per_day");
        v.Require(Trips is not null, "trips", "must be set");
        Trips?.Validate(v);
    }

    private static void Hours(Violations v, string field, double value, double min, double max) =>
        v.Require(
            double.IsFinite(value) && value >= min && value <= max,
            field,
            string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} hours"));
}
