namespace Planering.Domain.Workload;

/// <summary>
/// What one dialogue costs the office. Hours on the wall clock (dialogue, travel) are per advisor; the advisor-hour sums
/// count every advisor. An SPSM participant is noted but costs the office nothing.
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

    /// <summary>Everything the dialogue costs the office: dialogue, preparation and travel advisor hours.</summary>
    public double AdvisorHoursTotal => DialogueAdvisorHours + PreparationHours + TravelAdvisorHours;
}
