namespace Planering.Domain.Planning;

/// <summary>Which capacity limits an office first.</summary>
public enum BindingLimit
{
    /// <summary>Nothing to bind: no demand.</summary>
    None = 0,

    /// <summary>Advisor hours run out first.</summary>
    Hours = 1,

    /// <summary>The slot limits (daily and weekly caps, bookable days, free pairs) run out first.</summary>
    Dialogues = 2,
}

/// <summary>How a load compares with its capacity.</summary>
public enum LoadStatus
{
    /// <summary>Within capacity (or no demand).</summary>
    Ok = 0,

    /// <summary>More demand than capacity.</summary>
    Overloaded = 1,

    /// <summary>
    /// No capacity at all: with demand a utilisation would be meaningless (not 0 %); an office that cannot hold a dialogue
    /// is listed with this status and the reason (the plan's no_capacity_reason).
    /// </summary>
    NoCapacity = 2,
}
