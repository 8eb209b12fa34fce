namespace Planering.Domain.Scheduling;

/// <summary>What the advisors do after a leg's dialogue.</summary>
public enum LegEnd
{
    /// <summary>Travel home to the office (the same day, or the next working morning after a night here).</summary>
    Home = 0,

    /// <summary>Drive on to the next stop the same day.</summary>
    ContinueToday = 1,

    /// <summary>Spend the night here and drive on to the next stop at the start of the next day.</summary>
    StayOver = 2,
}
