using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// An office's working time in Europe/Stockholm: its weekdays and hours, minus the Swedish holidays, ending early on the
/// shortened days. Working days and hours are defined in local time, so a day is 08:00–17:00 on the wall clock on both
/// sides of a daylight saving change; the lunch break is not working time.
/// </summary>
public sealed class OfficeWorkingTime
{
    // No realistic question spans more than a few years of working days; the bound stops a runaway loop on bad input.
    private const int MaxWorkingDaysStep = 366 * 10;

    public OfficeWorkingTime(SwedishHolidays? holidays = null, OfficeHours? hours = null)
    {
        Holidays = holidays ?? SwedishHolidays.Default;
        Hours = hours ?? OfficeHours.Default;
        Hours.Validate();
    }

    /// <summary>Monday–Friday 08:00–17:00 with lunch, the state sector's shortened days, the Swedish holidays with påskafton closed.</summary>
    public static OfficeWorkingTime Default { get; } = new();

    public SwedishHolidays Holidays { get; }

    public OfficeHours Hours { get; }

    /// <summary>True on the office's weekdays unless a public or de facto holiday falls on the date.</summary>
    public bool IsWorkingDay(DateOnly date) => Hours.WorkingDays.Contains(date.DayOfWeek) && !Holidays.IsHoliday(date);

    /// <summary>The working hours of the date, or null when the office does not work that day.</summary>
    public WorkingHours? WorkingHoursOn(DateOnly date)
    {
        if (!IsWorkingDay(date))
        {
            return null;
        }

        return new WorkingHours(
            date,
            Hours.DayStart,
            Hours.DayEndOn(date),
            StockholmTime.ToUtcLenient(date, Hours.DayStart),
            StockholmTime.ToUtcLenient(date, Hours.DayEndOn(date)));
    }

    /// <summary>Local time the office closes on a date (earlier on a shortened day).</summary>
    public TimeOnly DayEndOn(DateOnly date) => Hours.DayEndOn(date);

    /// <summary>Working hours of one full-time person on the date: 0 on a non-working day, lunch out, shortened days applied.</summary>
    public double WorkingHoursOf(DateOnly date) => IsWorkingDay(date) ? Hours.WorkingHoursOn(date) : 0;

    /// <summary>True when [start, start + duration) lies within one working day's hours.</summary>
    public bool IsWithinWorkingHours(DateTimeOffset start, TimeSpan duration) =>
        WorkingHoursOn(StockholmTime.LocalDate(start)) is { } hours && hours.Covers(start, duration);

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public DateOnly FirstWorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary>
    /// The working day that lies <paramref name="workingDays"/> working days after <paramref name="date"/> (before it when
    /// negative), not counting the date itself; zero returns the date unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        if (Math.Abs((long)workingDays) > MaxWorkingDaysStep)
        {
            throw PlaneringException.Invalid("working_days", $"must be at most {MaxWorkingDaysStep} in either direction");
        }

        var step = Math.Sign(workingDays);
        var left = Math.Abs(workingDays);
        var current = date;
        while (left > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>The working days in [from, toExclusive).</summary>
    public int CountWorkingDays(DateOnly from, DateOnly toExclusive)
    {
        var count = 0;
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The working hours in [from, toExclusive), per person: the capacity one full-time advisor has.</summary>
    public double WorkingHoursBetween(DateOnly from, DateOnly toExclusive)
    {
        var total = 0.0;
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            total += WorkingHoursOf(day);
        }

        return total;
    }
}
