namespace Planering.Domain.Invitations;

/// <summary>Size band of a huvudman, from the workload model's reference size (the size at which effort starts to grow).</summary>
public enum SizeBand
{
    /// <summary>Up to the reference size (default 500 pupils): the base effort.</summary>
    Small = 1,

    /// <summary>Up to four times the reference (default 2,000 pupils).</summary>
    Medium = 2,

    /// <summary>Larger.</summary>
    Large = 3,
}
