namespace Planering.Domain.Forecasting;

/// <summary>The straight line fitted to an office's held dialogues per month, and how it caps the projected capacity.</summary>
/// <param name="HistoryMonths">How many past months were fitted.</param>
/// <param name="Intercept">Fitted dialogues per month at the start month (month index 0).</param>
/// <param name="SlopePerMonth">Fitted change in dialogues per month, per month.</param>
/// <param name="ResidualStandardError">Standard deviation of the history around the line (0 for a perfectly straight history).</param>
/// <param name="HoursPerDialogue">The office's mean hours per dialogue, which turns dialogues per month into a cap in hours.</param>
public sealed record ThroughputTrend(int HistoryMonths, double Intercept, double SlopePerMonth, double ResidualStandardError, double HoursPerDialogue);
