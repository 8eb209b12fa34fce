namespace Planering.Domain.Calendar;

/// <summary>The date of Western (Gregorian) Easter Sunday, from which six Swedish holidays are counted.</summary>
/// <remarks>
/// The anonymous Gregorian computus (as published by Meeus): integer arithmetic on the year only, exact for every
/// Gregorian year. Written out with named steps because each step is a piece of the ecclesiastical rule.
/// </remarks>
public static class EasterComputus
{
    /// <summary>Easter Sunday of <paramref name="year"/> (Gregorian calendar, years 1583 and later).</summary>
    public static DateOnly EasterSunday(int year)
    {
        if (year is < 1583 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "the Gregorian computus applies to the years 1583–9999");
        }

        // Position of the year in the 19-year Metonic cycle of the moon.
        var goldenNumber = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;

        // Gregorian corrections: skipped leap years (solar) and the drift of the lunar cycle against the sun.
        var skippedLeapDays = century / 4;
        var centuryRemainder = century % 4;
        var lunarDrift = (century + 8) / 25;
        var lunarCorrection = (century - lunarDrift + 1) / 3;

        // Days from 21 March to the paschal full moon.
        var epact = ((19 * goldenNumber) + century - skippedLeapDays - lunarCorrection + 15) % 30;

        // Days from the paschal full moon to the following Sunday.
        var leapDaysInCentury = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var toSunday = (32 + (2 * centuryRemainder) + (2 * leapDaysInCentury) - epact - yearRemainder) % 7;

        // The two historical exceptions that keep Easter on or before 25 April.
        var lateCorrection = (goldenNumber + (11 * epact) + (22 * toSunday)) / 451;

        var daysFromMarchFirst = epact + toSunday - (7 * lateCorrection) + 114;
        var month = daysFromMarchFirst / 31;
        var day = (daysFromMarchFirst % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
