namespace Planering.Domain.Planning;

/// <summary>Where one huvudman is assigned and what that costs in travel.</summary>
/// <param name="HuvudmanId">The huvudman.</param>
/// <param name="OfficeId">Its office.</param>
/// <param name="RoadKm">t_ij to that office.</param>
/// <param name="TravelCost">κ·w_i·t_ij.</param>
/// <param name="Moved">True when the previous assignment named another office.</param>
public sealed record HuvudmanAssignment(string HuvudmanId, string OfficeId, double RoadKm, double TravelCost, bool Moved);
