using Planering.Domain.Geography;

namespace Planering.Domain.Planning;

/// <summary>One huvudman as the assignment solver sees it: where it is, how much advisor time it needs, how often it is visited.</summary>
/// <param name="HuvudmanId">A unique id (the organisation number in production); ties between equal choices are broken by it.</param>
/// <param name="Position">Where on-site dialogues take place.</param>
/// <param name="DemandHours">d_i: advisor hours per year the huvudman needs (from the workload model); at least 0.</param>
/// <param name="TravelWeight">
/// w_i: how much a kilometre of distance to this huvudman counts per year, usually the number of on-site trips per year
/// (0 for a huvudman met only digitally); at least 0.
/// </param>
public sealed record HuvudmanDemand(string HuvudmanId, GeoPosition Position, double DemandHours, double TravelWeight);
