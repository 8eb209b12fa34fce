namespace Planering.Domain.Calendar;

/// <summary>Small date steps the Swedish rules are written in ("the Saturday between 20 and 26 June").</summary>
internal static class CalendarDays
{
    public static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
