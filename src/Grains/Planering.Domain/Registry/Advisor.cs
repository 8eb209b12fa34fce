namespace Planering.Domain.Registry;

/// <summary>A period an advisor is away (both days included).</summary>
public sealed record Absence(DateOnly Start, DateOnly End, string Reason);

/// <summary>An advisor of a regional office.</summary>
/// <param name="Fte">Share of a full-time position, in (0, 1].</param>
/// <param name="WorkingDays">The weekdays the advisor works.</param>
public sealed record Advisor(string AdvisorId, string Name, double Fte, IReadOnlySet<DayOfWeek> WorkingDays, IReadOnlyList<Absence> Absences)
{
    /// <summary>
    /// The share of a working day the advisor works on each of its working days: a part-time advisor may work fewer days
    /// (0.6 FTE on three days is full days) or shorter ones (0.5 FTE on five days is half days).
    /// </summary>
    public double DayFraction => Math.Min(1.0, Fte * 5 / Math.Max(1, WorkingDays.Count));

    /// <summary>True when the advisor works on the date: one of its weekdays and not within an absence.</summary>
    public bool IsOnDuty(DateOnly date) =>
        WorkingDays.Contains(date.DayOfWeek) && !Absences.Any(a => a.Start <= date && date <= a.End);
}
