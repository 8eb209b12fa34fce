namespace Planering.Domain.Calendar;

/// <summary>One lov of a kommun: its kind and its days (both ends included).</summary>
/// <param name="Overridden">True when the kommun set this lov itself; false when it comes from the defaults.</param>
public sealed record LovPeriod(LovKind Kind, DateOnly Start, DateOnly End, bool Overridden)
{
    /// <summary>The number of calendar days from start to end, both included.</summary>
    public int DayCount => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
