using System.Collections.Frozen;

namespace Planering.Domain.World;

/// <summary>
/// A kommun's official name (the name it is registered under as huvudman) from its short name: the genitive with
/// "kommun" ("Stockholms kommun", "Göteborgs kommun"), where a short name ending in a vowel or in s, x or z takes no
/// genitive s ("Malmö kommun", "Umeå kommun", "Alingsås kommun", "Kalix kommun"). 134 of the 290 kommuner take the
/// s; two names do not follow the rule (<see cref="Exceptions"/>; sources in World/Data/SOURCES.md).
/// </summary>
public static class KommunNames
{
    /// <summary>Official names the rule does not give: Falun's old genitive, and Gotland, both kommun and region.</summary>
    public static readonly FrozenDictionary<string, string> Exceptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Falun"] = "Falu kommun",
        ["Gotland"] = "Region Gotland",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string NoGenitiveS = "aeiouyåäösxz";

    public static string Official(string shortName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shortName);
        if (Exceptions.TryGetValue(shortName, out var name))
        {
            return name;
        }

        return NoGenitiveS.Contains(char.ToLowerInvariant(shortName[^1]), StringComparison.Ordinal)
            ? $"{shortName} kommun"
            : $"{shortName}s kommun";
    }
}
