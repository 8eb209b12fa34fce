namespace Planering.Domain.Forecasting;

/// <summary>What one huvudman asks of its office over the horizon: the dialogue's effort, its cycle and when it next falls due.</summary>
/// <param name="HoursPerDialogue">Advisor hours for one dialogue, including preparation and travel.</param>
/// <param name="CycleMonths">Months between two dialogues of this huvudman.</param>
/// <param name="NextDueMonth">Month index, relative to the forecast's start month (0), when the next dialogue falls due; negative when it is overdue.</param>
/// <param name="BookedMonth">Month index of the already booked next dialogue, or null when none is booked; a booking is the demand in that month.</param>
public sealed record HuvudmanDemand(double HoursPerDialogue, int CycleMonths, int NextDueMonth, int? BookedMonth = null)
{
    /// <summary>Expected advisor nights away per dialogue (the on-site share of its trip's nights, for every advisor).</summary>
    public double AdvisorNightsPerDialogue { get; init; }

    /// <summary>
    /// Probability that the next dialogue happens (the huvudman accepts its invitation), in (0, 1]: 1 when it is booked or
    /// accepted, the acceptance rate of its kind when it is still to be invited or has not answered. Each path draws it.
    /// </summary>
    public double TakeUp { get; init; } = 1;

    /// <summary>Probability that each later dialogue in the horizon happens (a new invitation each cycle), in (0, 1].</summary>
    public double LaterTakeUp { get; init; } = 1;
}
