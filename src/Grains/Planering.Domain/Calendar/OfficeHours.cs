using System.Collections.Frozen;
using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>When a regional office works: its weekdays and its daily hours in Swedish local time (holidays aside).</summary>
public sealed record OfficeHours
{
    /// <summary>Monday–Friday, 08:00–17:00.</summary>
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

    /// <summary>The length of a working day on the wall clock.</summary>
    public TimeSpan DayLength => DayEnd - DayStart;

    /// <summary>Throws <see cref="PlaneringException"/> naming every invalid setting.</summary>
    public void Validate()
    {
        var violations = new Violations();
        violations.Require(WorkingDays is { Count: > 0 }, "working_days", "must name at least one weekday");
        violations.Require(WorkingDays is null || WorkingDays.All(Enum.IsDefined), "working_days", "must hold weekdays only");
        violations.Require(DayStart < DayEnd, "day_end", "must be after day_start");
        violations.ThrowIfAny();
    }
}
