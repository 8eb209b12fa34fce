namespace Planering.Domain.Invitations;

/// <summary>The bounds of invitation waves, shared by the domain and the gateway's request checks.</summary>
public static class InvitationLimits
{
    /// <summary>The largest wave: the agencies invite 150–200 at a time; ten times that is more than a year's work.</summary>
    public const int MaxWaveSize = 2_000;

    /// <summary>The longest period a wave's dialogues may be spread over.</summary>
    public const int MaxPeriodMonths = 24;

    /// <summary>The most characters a decline's reason may have.</summary>
    public const int MaxReasonLength = 500;
}
