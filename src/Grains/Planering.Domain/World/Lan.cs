namespace Planering.Domain.World;

/// <summary>A county (län) with the ISO week most of its kommuner take their sportlov (a default; kommuner may differ).</summary>
public sealed record Lan(string Lanskod, string Name, string ShortName, int SportlovWeek);
