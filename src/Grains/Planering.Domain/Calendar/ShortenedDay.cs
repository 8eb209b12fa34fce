using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>The days before a holiday on which the state sector's agreements shorten the working day.</summary>
public enum ShortenedDayKind
{
    /// <summary>Trettondagsafton, 5 January.</summary>
    Trettondagsafton = 1,

    /// <summary>Skärtorsdag, the Thursday before Easter.</summary>
    Skartorsdag = 2,

    /// <summary>Valborgsmässoafton, 30 April.</summary>
    Valborgsmassoafton = 3,

    /// <summary>The day before alla helgons dag (the Friday between 30 October and 5 November).</summary>
    AllaHelgonsAfton = 4,

    /// <summary>23 December, the day before julafton.</summary>
    DagForeJulafton = 5,
}

/// <summary>
/// One shortened day: the office closes <see cref="HoursShorter"/> hours early on it (on a Friday
/// <see cref="FridayHoursShorter"/> when given). A date that is not a working day anyway is not affected.
/// </summary>
public sealed record ShortenedDayRule(ShortenedDayKind Kind, double HoursShorter, double? FridayHoursShorter = null)
{
    /// <summary>
    /// The state sector's usual rules (ship's copy of the facts: docs/planning-model.md, "Shortened days"):
    /// trettondagsafton −4 h, skärtorsdag −2 h, valborgsmässoafton −2 h (−4 h on a Friday), the day before alla
    /// helgons dag −4 h, 23 December half a day (−4 h of an 8-hour day).
    /// </summary>
    public static IReadOnlyList<ShortenedDayRule> StateSector { get; } =
    [
        new(ShortenedDayKind.Trettondagsafton, 4),
        new(ShortenedDayKind.Skartorsdag, 2),
        new(ShortenedDayKind.Valborgsmassoafton, 2, 4),
        new(ShortenedDayKind.AllaHelgonsAfton, 4),
        new(ShortenedDayKind.DagForeJulafton, 4),
    ];

    /// <summary>The date the rule applies to in a year.</summary>
    public static DateOnly DateIn(ShortenedDayKind kind, int year) => kind switch
    {
        ShortenedDayKind.Trettondagsafton => new DateOnly(year, 1, 5),
        ShortenedDayKind.Skartorsdag => EasterComputus.EasterSunday(year).AddDays(-3),
        ShortenedDayKind.Valborgsmassoafton => new DateOnly(year, 4, 30),
        // Alla helgons dag is the Saturday in 31 October – 6 November: the day before is the Friday in 30 October – 5 November.
        ShortenedDayKind.AllaHelgonsAfton => FirstOnOrAfter(new DateOnly(year, 10, 30), DayOfWeek.Friday),
        ShortenedDayKind.DagForeJulafton => new DateOnly(year, 12, 23),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The hours the rule takes off <paramref name="date"/>, or 0 when it does not apply to it.</summary>
    public double HoursOff(DateOnly date) =>
        DateIn(Kind, date.Year) != date ? 0 : date.DayOfWeek == DayOfWeek.Friday && FridayHoursShorter is { } friday ? friday : HoursShorter;

    internal void Validate(Violations violations, string field)
    {
        violations.Require(Enum.IsDefined(Kind), $"{field}.kind", "must be a known shortened day");
        violations.Require(double.IsFinite(HoursShorter) && HoursShorter is >= 0 and <= 12, $"{field}.hours_shorter", "must be between 0 and 12 hours");
        violations.Require(FridayHoursShorter is null || (double.IsFinite(FridayHoursShorter.Value) && FridayHoursShorter.Value is >= 0 and <= 12),
            $"{field}.friday_hours_shorter", "must be between 0 and 12 hours");
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) => date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
