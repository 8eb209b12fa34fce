namespace Planering.Domain.Registry;

/// <summary>A period an advisor is away (both days included).</summary>
public sealed record Absence(DateOnly Start, DateOnly End, string Reason);

/// <summary>An advisor of a regional office.</summary>
/// <param name="Fte">Share of a full-time position, in (0, 1].</param>
/// <param name="WorkingDays">The weekdays the advisor works.</param>
public sealed record Advisor(string AdvisorId, string Name, double Fte, IReadOnlySet<DayOfWeek> WorkingDays, IReadOnlyList<Absence> Absences);
