namespace Planering.Domain.Calendar;

/// <summary>The working hours of one office day: local wall-clock times and the instants they fall on.</summary>
public sealed record WorkingHours(DateOnly Date, TimeOnly LocalStart, TimeOnly LocalEnd, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    /// <summary>Elapsed time from start to end.</summary>
    public TimeSpan Duration => EndUtc - StartUtc;

    /// <summary>True when the whole span [start, start + duration) lies inside these hours.</summary>
    public bool Covers(DateTimeOffset start, TimeSpan duration) =>
        duration >= TimeSpan.Zero && start >= StartUtc && start + duration <= EndUtc;
}
