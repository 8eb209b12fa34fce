using Planering.Domain.Geography;

namespace Planering.Domain.World;

/// <summary>A municipality (kommun), positioned at its seat (centralort).</summary>
public sealed record Kommun(string Kommunkod, string Name, string Lanskod, string Centralort, GeoPosition Position, int Population);
