using Planering.Domain.Geography;

namespace Planering.Domain.Planning;

/// <summary>One regional office as the assignment solver sees it.</summary>
/// <param name="OfficeId">A unique id (the office slug, e.g. <c>lulea</c>); ties between equal choices are broken by it.</param>
/// <param name="Position">Where the advisors travel from.</param>
/// <param name="CapacityHours">C_j: advisor hours per year the office can give to dialogues; greater than 0.</param>
public sealed record OfficeCapacity(string OfficeId, GeoPosition Position, double CapacityHours);
