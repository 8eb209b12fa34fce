namespace Planering.Domain.Invitations;

/// <summary>
/// The mandate's cycles: every huvudman is to be offered a dialogue within <see cref="Months"/> of the cycle's start
/// (three years from October 2022, DIALOGUE-FACTS), and then again in the next cycle.
/// </summary>
public sealed record MandateCycle(DateOnly Start, DateOnly End)
{
    /// <summary>The cycle <paramref name="day"/> falls in, cycles of <paramref name="months"/> counted from <paramref name="mandateStart"/>.</summary>
    public static MandateCycle Containing(DateOnly mandateStart, int months, DateOnly day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        if (day < mandateStart)
        {
            return new MandateCycle(mandateStart, mandateStart.AddMonths(months));
        }

        var elapsed = ((day.Year - mandateStart.Year) * 12) + day.Month - mandateStart.Month - (day.Day < mandateStart.Day ? 1 : 0);
        var start = mandateStart.AddMonths(elapsed / months * months);
        return new MandateCycle(start, start.AddMonths(months));
    }

    /// <summary>True when the day lies in [Start, End).</summary>
    public bool Contains(DateOnly day) => day >= Start && day < End;

    /// <summary>Whole and part months from <paramref name="day"/> to the cycle's end (0 once it has passed).</summary>
    public double MonthsLeft(DateOnly day) => Math.Max(0, (End.DayNumber - day.DayNumber) / (365.2425 / 12));
}
