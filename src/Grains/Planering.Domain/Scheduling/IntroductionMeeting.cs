namespace Planering.Domain.Scheduling;

/// <summary>
/// A group's digital introduction meeting (the first step of a dialogue, DIALOGUE-FACTS: one meeting for several
/// huvudmän at once) as booked in its office's calendar: once per introduction group of a committed wave. It takes
/// <see cref="AdvisorIds"/> (<see cref="Workload.WorkloadOptions.StartMeetingAdvisors"/> of them) for
/// <see cref="Workload.WorkloadOptions.StartMeetingHours"/> on its date; the slot search reads it as the advisors' busy
/// time and working hours, and stops counting the per-dialogue share of the meeting for the huvudmän it serves
/// (<see cref="Serves"/>). The office grain is its single writer.
/// </summary>
/// <param name="MeetingId">Derived from the office and the caller's request id (<see cref="IntroductionMeetings.IdFor"/>).</param>
/// <param name="StartMinute">Local (Europe/Stockholm) minutes after midnight.</param>
public sealed record IntroductionMeeting(
    string MeetingId,
    string RequestId,
    string OfficeId,
    string WaveId,
    string GroupId,
    DateOnly Date,
    int StartMinute,
    int EndMinute,
    IReadOnlyList<string> AdvisorIds,
    IReadOnlyList<string> HuvudmanIds,
    DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt = null)
{
    public bool IsActive => CancelledAt is null;

    /// <summary>When its advisors are in the meeting.</summary>
    public MinuteInterval Busy => new(StartMinute, EndMinute);

    /// <summary>The meeting's length in hours.</summary>
    public double Hours => (EndMinute - StartMinute) / 60.0;

    /// <summary>
    /// True when this (active) meeting is the introduction of a dialogue of <paramref name="huvudmanId"/> on
    /// <paramref name="dialogueDate"/>: the huvudman is in its group and the dialogue lies less than a cycle from the
    /// meeting, before or after it (one introduction per huvudman and cycle; a dialogue booked before its group's meeting
    /// is still introduced by it).
    /// </summary>
    public bool Serves(string huvudmanId, DateOnly dialogueDate, int cycleMonths) =>
        IsActive && dialogueDate < Date.AddMonths(cycleMonths) && dialogueDate > Date.AddMonths(-cycleMonths)
        && HuvudmanIds.Contains(huvudmanId, StringComparer.Ordinal);
}

/// <summary>Ids of introduction meetings.</summary>
public static class IntroductionMeetings
{
    /// <summary>
    /// <c>{office_id}.{20 hex digits}</c> as a dialogue id (<see cref="DialogueIds.For"/>), of the request id with an
    /// "introduction/" prefix: every retry of one request names the same meeting, and never a dialogue's id.
    /// </summary>
    public static string IdFor(string officeId, string requestId) => DialogueIds.For(officeId, "introduction/" + requestId);
}

/// <summary>What the search for a group's introduction needs: the office, its advisors, the group's huvudmän, when to look.</summary>
/// <param name="Huvudman">The group's huvudmän: each one's lov and blocked dates close a day for the meeting.</param>
/// <param name="Today">The local date the search is made on: the lead time counts from it.</param>
public sealed record IntroductionQuery(
    SchedulingOffice Office,
    IReadOnlyList<SchedulingHuvudman> Huvudman,
    DateOnly Earliest,
    int HorizonDays,
    DateOnly Today);

/// <summary>A feasible time for an introduction: the day, the local minutes, its advisors.</summary>
public sealed record FoundIntroduction(
    string OfficeId,
    DateOnly Date,
    int StartMinute,
    int EndMinute,
    IReadOnlyList<string> AdvisorIds,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc);

/// <summary>The answer of an introduction search: the time (or none within the horizon), why earlier days failed, days looked at.</summary>
public sealed record IntroductionSearchResult(FoundIntroduction? Slot, IReadOnlyList<RejectionSummary> Rejections, int DaysExamined);
