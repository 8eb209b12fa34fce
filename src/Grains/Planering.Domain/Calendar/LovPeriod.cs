namespace Planering.Domain.Calendar;

/// <summary>One lov of a kommun (or an independent huvudman): its kind, its days (both ends included) and where they come from.</summary>
public sealed record LovPeriod(LovKind Kind, DateOnly Start, DateOnly End, LovSource Source)
{
    /// <summary>True when the dates are not the national default (a kommun rule or imported dates).</summary>
    public bool Overridden => Source != LovSource.Default;

    /// <summary>The number of calendar days from start to end, both included.</summary>
    public int DayCount => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
