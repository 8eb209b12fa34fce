namespace Planering.Domain.Scheduling;

/// <summary>
/// Which other offices could offer an earlier start than the slot a search found, given that every office has the same
/// working time: a day closed by a weekday, a public holiday, the huvudman's lov, the lead time, the cycle or a blocked
/// date is closed at every office, and travel grows with distance.
/// </summary>
public enum EarlierElsewhere
{
    /// <summary>Some day before was closed by this office's own rules (caps, advisors, travel), or the slot starts later than it had to.</summary>
    AnyOffice = 0,

    /// <summary>Only the common rules closed the days before, and the on-site slot starts when this office's travel allows: only a nearer office could be earlier.</summary>
    NearerOffice = 1,

    /// <summary>Only the common rules closed the days before, and the digital slot opens the working day: no office can be earlier.</summary>
    None = 2,
}
