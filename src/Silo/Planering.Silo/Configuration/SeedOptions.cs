namespace Planering.Silo.Configuration;

/// <summary>Seeding of the Swedish world on first start (section <c>Planering:Seed</c>).</summary>
public sealed class SeedOptions
{
    public const string Section = "Planering:Seed";

    /// <summary>Seed an empty database with Sweden (env <c>Planering__Seed__Enabled</c>).</summary>
    public bool Enabled { get; set; } = true;

    public static IEnumerable<string> Problems(SeedOptions options) => [];
}
