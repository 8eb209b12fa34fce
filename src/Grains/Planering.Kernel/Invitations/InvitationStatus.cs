namespace Planering.Domain.Invitations;

/// <summary>Where one huvudman's invitation to a dialogue stands.</summary>
public enum InvitationStatus
{
    /// <summary>Invited; no answer recorded yet.</summary>
    Open = 1,

    /// <summary>The huvudman accepted: its dialogue is to be booked (or is booked).</summary>
    Accepted = 2,

    /// <summary>The huvudman declined (most cite lack of time or resources); invited again in the next cycle.</summary>
    Declined = 3,

    /// <summary>The huvudman never answered; treated as a decline for this cycle and invited again in the next.</summary>
    NoAnswer = 4,
}
