using Planering.Domain.Workload;

namespace Planering.Domain.Scheduling;

/// <summary>
/// A booked dialogue in an office's calendar: when (local Europe/Stockholm date and minutes), how, with whom, and its
/// workload. The office grain is its single writer and the source of truth.
/// </summary>
/// <param name="StartMinute">Start of the dialogue in minutes after local midnight.</param>
/// <param name="EndMinute">End of the dialogue in minutes after local midnight.</param>
/// <param name="TravelMinutesOneWay">Travel before and after an on-site dialogue; the advisors are busy for it too.</param>
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
    string? CancelReason = null)
{
    public bool IsActive => CancelledAt is null;

    /// <summary>The advisors are away from the office from here (travel out included).</summary>
    public int BusyFromMinute => StartMinute - TravelMinutesOneWay;

    /// <summary>…until here (travel back included).</summary>
    public int BusyToMinute => EndMinute + TravelMinutesOneWay;
}
