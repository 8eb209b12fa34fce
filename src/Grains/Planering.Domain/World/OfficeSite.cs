using Planering.Domain.Geography;

namespace Planering.Domain.World;

/// <summary>One of Skolverket's regional offices as shipped in the seed data.</summary>
public sealed record OfficeSite(string OfficeId, string City, string Kommunkod, GeoPosition Position, int OpenedYear);
