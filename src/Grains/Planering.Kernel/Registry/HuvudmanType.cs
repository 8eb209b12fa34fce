namespace Planering.Domain.Registry;

/// <summary>The kind of school organiser.</summary>
public enum HuvudmanType
{
    /// <summary>A kommun (kommunal huvudman).</summary>
    Municipal = 1,

    /// <summary>An independent organiser: company, foundation, association (enskild huvudman).</summary>
    Independent = 2,

    /// <summary>A region (regional huvudman, e.g. naturbruksgymnasier).</summary>
    Region = 3,

    /// <summary>The state (statlig huvudman, e.g. SPSM's special schools, Sameskolstyrelsen).</summary>
    State = 4,
}
