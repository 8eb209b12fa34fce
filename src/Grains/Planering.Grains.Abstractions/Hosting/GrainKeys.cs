namespace Planering.Grains.Hosting;

/// <summary>The fixed keys of the country-wide singleton grains.</summary>
public static class GrainKeys
{
    public const string Sweden = "sweden";
}
