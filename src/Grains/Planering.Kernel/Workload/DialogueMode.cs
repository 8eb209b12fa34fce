namespace Planering.Domain.Workload;

/// <summary>How a quality dialogue is held.</summary>
public enum DialogueMode
{
    /// <summary>Over video: no travel.</summary>
    Digital = 1,

    /// <summary>At the huvudman: both advisors travel there and back.</summary>
    OnSite = 2,
}
