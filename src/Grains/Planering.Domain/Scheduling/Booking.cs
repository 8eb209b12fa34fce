using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>
/// A booked dialogue in an office's calendar: when (local Europe/Stockholm date and minutes), how, with whom, and its
/// workload. The office grain is its single writer and the source of truth.
/// </summary>
/// <param name="StartMinute">Start of the dialogue in minutes after local midnight.</param>
/// <param name="EndMinute">End of the dialogue in minutes after local midnight.</param>
/// <param name="TravelMinutesOneWay">Travel before and after an on-site dialogue; the advisors are busy for it too.</param>
/// <param name="Trip">The travel of an on-site dialogue booked since trips were modelled; null for a digital dialogue and
/// for on-site bookings stored before, which travel <paramref name="TravelMinutesOneWay"/> each way on the day.</param>
public sealed record Booking(
    string DialogueId,
    string RequestId,
    string HuvudmanId,
    string HuvudmanName,
    string OfficeId,
    DateOnly Date,
    int StartMinute,
    int EndMinute,
    DialogueMode Mode,
    IReadOnlyList<string> AdvisorIds,
    int TravelMinutesOneWay,
    double DialogueHours,
    double PreparationHours,
    bool SpsmParticipation,
    DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt = null,
    string? CancelReason = null,
    Trip? Trip = null)
{
    public bool IsActive => CancelledAt is null;

    /// <summary>The advisors are away from the office from here on the dialogue's date (travel out included).</summary>
    public int BusyFromMinute => Trip is { } trip ? trip.AwayOn(Date)!.Value.From : StartMinute - TravelMinutesOneWay;

    /// <summary>…until here (travel back included).</summary>
    public int BusyToMinute => Trip is { } trip ? trip.AwayOn(Date)!.Value.To : EndMinute + TravelMinutesOneWay;

    /// <summary>Nights away for each advisor.</summary>
    public int NightsAway => Trip?.Nights ?? 0;

    /// <summary>The days this booking takes the advisors: the dialogue's date, and a trip's travel days.</summary>
    public IEnumerable<DateOnly> BusyDays => Trip is { } trip ? trip.Days : [Date];

    /// <summary>When the advisors are away on <paramref name="day"/> for this booking, or null when they are not.</summary>
    public MinuteInterval? BusyOn(DateOnly day) =>
        Trip is { } trip ? trip.AwayOn(day) : day == Date ? new MinuteInterval(BusyFromMinute, BusyToMinute) : null;
}
