using Planering.Domain.Geography;

namespace Planering.Domain.World;

/// <summary>A municipality (kommun), positioned at its seat (centralort).</summary>
public sealed record Kommun(string Kommunkod, string Name, string Lanskod, string Centralort, GeoPosition Position, int Population)
{
    /// <summary>The name the kommun is registered under as huvudman ("Stockholms kommun", "Region Gotland").</summary>
    public string OfficialName => KommunNames.Official(Name);
}
