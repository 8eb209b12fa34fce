namespace Planering.Domain.Planning;

/// <summary>A lower bound on the lexicographic objective: no assignment has less overload, or as little overload and a lower total.</summary>
/// <param name="OverloadHours">A lower bound on O.</param>
/// <param name="Total">A lower bound on Z among assignments whose overload equals <paramref name="OverloadHours"/>.</param>
public sealed record AssignmentBound(double OverloadHours, double Total);
