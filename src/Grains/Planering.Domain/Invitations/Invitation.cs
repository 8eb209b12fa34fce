namespace Planering.Domain.Invitations;

/// <summary>One huvudman's invitation in one wave, and its answer.</summary>
/// <param name="WaveId">The committed wave it belongs to.</param>
/// <param name="InvitedOn">The day the wave was committed (the invitations went out).</param>
/// <param name="PeriodStart">First day of the period the wave's dialogues are to be held in.</param>
/// <param name="PeriodEnd">Last day of that period (inclusive).</param>
/// <param name="OfficeId">The office that holds the dialogue.</param>
/// <param name="IntroductionGroup">The digital introduction meeting it is invited to (one per group of huvudmän).</param>
public sealed record Invitation(
    string HuvudmanId,
    string WaveId,
    DateOnly InvitedOn,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string OfficeId,
    string IntroductionGroup,
    InvitationStatus Status = InvitationStatus.Open,
    string? Reason = null,
    DateOnly? AnsweredOn = null)
{
    /// <summary>The most characters a decline's reason may have.</summary>
    public const int MaxReasonLength = InvitationLimits.MaxReasonLength;

    /// <summary>True while the huvudman may still take part from this invitation: not answered, or accepted.</summary>
    public bool IsLive => Status is InvitationStatus.Open or InvitationStatus.Accepted;

    /// <summary>
    /// The answer recorded: the same answer again is a retry and changes nothing; an open invitation takes any answer;
    /// an answered one may be corrected (a huvudman that declined may accept after all) but never reopened.
    /// </summary>
    public Invitation Answer(InvitationStatus status, string? reason, DateOnly on)
    {
        var v = new Errors.Violations();
        v.Require(status is InvitationStatus.Accepted or InvitationStatus.Declined or InvitationStatus.NoAnswer, "answer", "must be ACCEPTED, DECLINED or NO_ANSWER");
        v.Require(reason is null || reason.Length <= MaxReasonLength, "reason", $"must be at most {MaxReasonLength} characters");
        v.Require(reason is null || !reason.Any(char.IsControl), "reason", "must not contain control characters");
        v.ThrowIfAny();
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return Status == status && Reason == trimmed ? this : this with { Status = status, Reason = trimmed, AnsweredOn = on };
    }
}
