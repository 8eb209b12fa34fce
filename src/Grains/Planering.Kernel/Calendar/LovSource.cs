namespace Planering.Domain.Calendar;

/// <summary>Where a lov period's dates come from, most general first.</summary>
public enum LovSource
{
    /// <summary>The national rules and the län's sportlov week.</summary>
    Default = 1,

    /// <summary>The kommun's own rule: a shipped per-kommun default or one a planner set.</summary>
    KommunRule = 2,

    /// <summary>Dates imported from a published school calendar (the kommun's, or an independent huvudman's own).</summary>
    Imported = 3,
}
