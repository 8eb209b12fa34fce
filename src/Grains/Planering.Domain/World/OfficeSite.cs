using Planering.Domain.Geography;

namespace Planering.Domain.World;

/// <summary>One of Skolverket's regional offices as shipped in the seed data.</summary>
/// <param name="Opened">When the office opened (the month is exact for Härnösand and Luleå; see World/Data/SOURCES.md).</param>
/// <param name="SpsmColocated">True when the office shares premises with SPSM (all but Solna).</param>
public sealed record OfficeSite(string OfficeId, string City, string Kommunkod, GeoPosition Position, DateOnly Opened, bool SpsmColocated)
{
    public int OpenedYear => Opened.Year;
}
