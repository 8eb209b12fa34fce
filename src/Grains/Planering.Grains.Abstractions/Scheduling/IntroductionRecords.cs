namespace Planering.Grains.Scheduling;

/// <summary>A group's digital introduction meeting as booked in its office's calendar (the domain's IntroductionMeeting).</summary>
[GenerateSerializer, Immutable, Alias("planering.IntroductionMeetingRecord")]
public sealed record IntroductionMeetingRecord(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string OfficeId,
    [property: Id(3)] string WaveId,
    [property: Id(4)] string GroupId,
    [property: Id(5)] DateOnly Date,
    [property: Id(6)] int StartMinute,
    [property: Id(7)] int EndMinute,
    [property: Id(8)] IReadOnlyList<string> AdvisorIds,
    [property: Id(9)] IReadOnlyList<string> HuvudmanIds,
    [property: Id(10)] DateTimeOffset StartUtc,
    [property: Id(11)] DateTimeOffset EndUtc,
    [property: Id(12)] DateTimeOffset BookedAt,
    [property: Id(13)] DateTimeOffset? CancelledAt = null)
{
    public bool IsActive => CancelledAt is null;
}

/// <summary>A time found for a group's introduction (nothing booked).</summary>
[GenerateSerializer, Immutable, Alias("planering.IntroductionSlotRecord")]
public sealed record IntroductionSlotRecord(
    [property: Id(0)] string OfficeId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] int StartMinute,
    [property: Id(3)] int EndMinute,
    [property: Id(4)] IReadOnlyList<string> AdvisorIds,
    [property: Id(5)] DateTimeOffset StartUtc,
    [property: Id(6)] DateTimeOffset EndUtc);

/// <summary>The earliest time for a group's introduction, why earlier days failed, and how many were looked at.</summary>
[GenerateSerializer, Immutable, Alias("planering.IntroductionSlotAnswer")]
public sealed record IntroductionSlotAnswer(
    [property: Id(0)] IntroductionSlotRecord? Slot,
    [property: Id(1)] IReadOnlyList<RejectionRecord> Rejections,
    [property: Id(2)] int DaysExamined,
    [property: Id(3)] string WaveId,
    [property: Id(4)] string GroupId,
    [property: Id(5)] IReadOnlyList<string> HuvudmanIds);

/// <summary>A time the caller chose for the meeting: exactly this day, start and advisors are checked and booked.</summary>
[GenerateSerializer, Immutable, Alias("planering.IntroductionChoice")]
public sealed record IntroductionChoice(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int StartMinute,
    [property: Id(2)] IReadOnlyList<string> AdvisorIds);

/// <summary>
/// Book (or find a time for) a wave's group introduction. Without a choice the earliest feasible time on or after
/// <see cref="Earliest"/> (null: today) within <see cref="HorizonDays"/> is taken.
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.IntroductionRequest")]
public sealed record IntroductionRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string WaveId,
    [property: Id(2)] string GroupId,
    [property: Id(3)] DateOnly? Earliest,
    [property: Id(4)] int HorizonDays,
    [property: Id(5)] IntroductionChoice? Choice);

/// <summary>One introduction group of a wave and its meeting (null while none is booked).</summary>
[GenerateSerializer, Immutable, Alias("planering.IntroductionGroupMeetingRecord")]
public sealed record IntroductionGroupMeetingRecord(
    [property: Id(0)] string GroupId,
    [property: Id(1)] string OfficeId,
    [property: Id(2)] IReadOnlyList<string> HuvudmanIds,
    [property: Id(3)] IntroductionMeetingRecord? Meeting);
