using System.Collections.Frozen;
using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// When a regional office works: its weekdays, its daily hours in Swedish local time with a lunch break, and the
/// shortened days before some holidays (holidays themselves aside).
/// </summary>
public sealed record OfficeHours
{
    /// <summary>Monday–Friday, 08:00–17:00 with lunch 12:00–13:00 (8 working hours), the state sector's shortened days.</summary>
    public static OfficeHours Default { get; } = new();

    /// <summary>The weekdays the office works (default Monday–Friday).</summary>
    public IReadOnlySet<DayOfWeek> WorkingDays { get; init; } = new[]
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    }.ToFrozenSet();

    /// <summary>Local time the working day starts (default 08:00).</summary>
    public TimeOnly DayStart { get; init; } = new(8, 0);

    /// <summary>Local time the working day ends (default 17:00).</summary>
    public TimeOnly DayEnd { get; init; } = new(17, 0);

    /// <summary>Local time the lunch break starts (default 12:00).</summary>
    public TimeOnly LunchStart { get; init; } = new(12, 0);

    /// <summary>
    /// Length of the lunch break in minutes (default 60): 08:00–17:00 less an hour is the 40-hour week of the state
    /// sector's agreements. Lunch is not working time: capacity and preparation time leave it out.
    /// </summary>
    public int LunchMinutes { get; init; } = 60;

    /// <summary>Days on which the office closes early (default <see cref="ShortenedDayRule.StateSector"/>; empty turns them off).</summary>
    public IReadOnlyList<ShortenedDayRule> ShortenedDays { get; init; } = ShortenedDayRule.StateSector;

    /// <summary>The length of a normal working day on the wall clock, lunch included.</summary>
    public TimeSpan DayLength => DayEnd - DayStart;

    /// <summary>Local time the office closes on <paramref name="date"/>: <see cref="DayEnd"/>, earlier on a shortened day.</summary>
    public TimeOnly DayEndOn(DateOnly date)
    {
        var off = 0.0;
        foreach (var rule in ShortenedDays)
        {
            off = Math.Max(off, rule.HoursOff(date));
        }

        if (off <= 0)
        {
            return DayEnd;
        }

        // Closing early takes working time off the end of the day; when the end falls in or before lunch, lunch no longer
        // counts, so the hours taken are working hours, not wall-clock hours.
        var net = Math.Max(0, WorkingHours(DayEnd) - off);
        var end = DayStart.AddMinutes(Math.Round(net * 60));
        return end <= LunchStart ? end : end.AddMinutes(Math.Min(LunchMinutes, (DayEnd - LunchStart).TotalMinutes));
    }

    /// <summary>Working hours of a day that ends at <paramref name="end"/>: the span from the start less the part of lunch inside it.</summary>
    public double WorkingHours(TimeOnly end)
    {
        if (end <= DayStart)
        {
            return 0;
        }

        var lunchFrom = LunchStart < DayStart ? DayStart : LunchStart;
        var lunchTo = LunchStart.AddMinutes(LunchMinutes);
        var lunchInside = Math.Max(0, (Min(lunchTo, end) - Min(lunchFrom, end)).TotalMinutes);
        return ((end - DayStart).TotalMinutes - lunchInside) / 60.0;
    }

    /// <summary>Working hours on <paramref name="date"/> if it is a working day (lunch out, shortened days applied).</summary>
    public double WorkingHoursOn(DateOnly date) => WorkingHours(DayEndOn(date));

    /// <summary>Throws <see cref="PlaneringException"/> naming every invalid setting.</summary>
    public void Validate() => Validate(new Violations(), string.Empty, throwIfAny: true);

    /// <summary>Adds every invalid setting to <paramref name="violations"/>, field names prefixed with <paramref name="prefix"/>.</summary>
    public void Validate(Violations violations, string prefix, bool throwIfAny = false)
    {
        violations.Require(WorkingDays is { Count: > 0 }, prefix + "working_days", "must name at least one weekday");
        violations.Require(WorkingDays is null || WorkingDays.All(Enum.IsDefined), prefix + "working_days", "must hold weekdays only");
        violations.Require(DayStart < DayEnd, prefix + "day_end", "must be after day_start");
        var lunchInRange = LunchMinutes is >= 0 and <= 180;
        violations.Require(lunchInRange, prefix + "lunch_minutes", "must be between 0 and 180");
        violations.Require(!lunchInRange || LunchMinutes == 0 || (LunchStart >= DayStart && LunchStart.AddMinutes(LunchMinutes) <= DayEnd && LunchStart.AddMinutes(LunchMinutes) > LunchStart),
            prefix + "lunch_start", "the lunch break must lie within day_start and day_end");
        violations.Require(!lunchInRange || DayStart >= DayEnd || WorkingHours(DayEnd) >= 1, prefix + "day_end", "a working day must have at least one working hour besides lunch");
        if (ShortenedDays is null)
        {
            violations.Add(prefix + "shortened_days", "must be a list (empty turns shortened days off)");
        }
        else
        {
            for (var i = 0; i < ShortenedDays.Count; i++)
            {
                ShortenedDays[i].Validate(violations, $"{prefix}shortened_days[{i}]");
            }

            violations.Require(ShortenedDays.Select(r => r.Kind).Distinct().Count() == ShortenedDays.Count, prefix + "shortened_days", "must name each day once");
        }

        if (throwIfAny)
        {
            violations.ThrowIfAny();
        }
    }

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;
}
