namespace Planering.Domain.World;

/// <summary>A university or university college (lärosäte) with a campus in a kommun; <paramref name="Campus"/> is "main" for its seat.</summary>
public sealed record Larosate(string Kommunkod, string Name, string Campus);
