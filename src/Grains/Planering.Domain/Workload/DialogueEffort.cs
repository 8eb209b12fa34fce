namespace Planering.Domain.Workload;

/// <summary>
/// What one dialogue costs the office, step by step as the agencies run it: its share of the digital introduction
/// (before, at the start of the preparation window), preparing the analysunderlag (in the lead-time window), the dialogue
/// itself (digital or on site, with travel), the digital feedback meeting (after), and the coordination with SPSM when
/// SPSM takes part. Hours on the wall clock (dialogue, travel) are per advisor; the advisor-hour sums count every advisor.
/// SPSM's own hours are reported but are SPSM's, not the office's.
/// </summary>
/// <param name="DialogueHours">Length of the dialogue itself.</param>
/// <param name="PreparationHours">Advisor hours to prepare the analysis document (shared between the advisors).</param>
/// <param name="TravelHoursOneWay">Travel from office to huvudman for one advisor (half the round trip when the legs differ,
/// as by ferry); zero for a digital dialogue.</param>
/// <param name="NightsAway">Nights away for each advisor on the trip (see <see cref="Travel.TripPlanner"/>).</param>
/// <param name="TravelKmRoundTrip">Road kilometres there and back (one vehicle; the ferry crossing not counted).</param>
public sealed record DialogueEffort(
    DialogueMode Mode,
    int Advisors,
    bool SpsmParticipates,
    double DialogueHours,
    double PreparationHours,
    double TravelHoursOneWay,
    double StartMeetingAdvisorHours = 0,
    double FollowUpAdvisorHours = 0,
    double SpsmCoordinationHours = 0,
    int NightsAway = 0,
    double TravelKmRoundTrip = 0)
{
    /// <summary>Nights away, counted for every advisor travelling.</summary>
    public int AdvisorNights => NightsAway * Advisors;

    /// <summary>There and back, for one advisor.</summary>
    public double TravelHoursRoundTrip => 2 * TravelHoursOneWay;

    /// <summary>Time each advisor is away from other work on the day: the trip and the dialogue.</summary>
    public double HoursAwayPerAdvisor => TravelHoursRoundTrip + DialogueHours;

    /// <summary>The dialogue, counted for every advisor in it.</summary>
    public double DialogueAdvisorHours => DialogueHours * Advisors;

    /// <summary>The round trip, counted for every advisor travelling.</summary>
    public double TravelAdvisorHours => TravelHoursRoundTrip * Advisors;

    /// <summary>Advisor hours at the desk before the dialogue: preparation, the share of the introduction, SPSM coordination.</summary>
    public double HoursBefore => PreparationHours + StartMeetingAdvisorHours + SpsmCoordinationHours;

    /// <summary>Everything the dialogue costs the office: every step's advisor hours, travel included.</summary>
    public double AdvisorHoursTotal => DialogueAdvisorHours + HoursBefore + TravelAdvisorHours + FollowUpAdvisorHours;

    /// <summary>SPSM's hours in the dialogue (one participant in the dialogue and the feedback meeting), 0 without SPSM.</summary>
    public double SpsmHours => SpsmParticipates ? DialogueHours + (FollowUpAdvisorHours / Math.Max(1, Advisors)) : 0;

    /// <summary>The steps in the order they fall, with their advisor hours and when (relative to the dialogue day).</summary>
    public IReadOnlyList<DialogueStep> Steps(WorkloadOptions options) =>
    [
        new("introduction", "digital group meeting at the start of the preparation window", StartMeetingAdvisorHours, -options.PreparationLeadWorkingDays),
        new("preparation", "analysunderlag, in the working days before the dialogue", PreparationHours + SpsmCoordinationHours, -options.PreparationLeadWorkingDays),
        new("dialogue", Mode == DialogueMode.OnSite ? "on site, with travel there and back" : "digital", DialogueAdvisorHours + TravelAdvisorHours, 0),
        new("follow_up", "digital återkopplingsmöte", FollowUpAdvisorHours, options.FollowUpWorkingDaysAfter),
    ];
}

/// <summary>One step of a dialogue's effort.</summary>
/// <param name="WorkingDaysFromDialogue">When it falls: negative before the dialogue, 0 on the day, positive after.</param>
public sealed record DialogueStep(string Name, string What, double AdvisorHours, int WorkingDaysFromDialogue);
