using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.World;

namespace Planering.Domain.Registry;

/// <summary>Who and where a regional office is.</summary>
public sealed record OfficeProfile(string OfficeId, string Name, string Kommunkod, string Lanskod, GeoPosition Position, DateOnly? Opened)
{
    public const int MaxNameLength = 100;

    /// <summary>Validates and builds the profile; without a position the office sits at its kommun's seat.</summary>
    public static OfficeProfile Create(string? officeId, string? name, string? kommunkod, GeoPosition? position, DateOnly? opened, SwedishGeography geography)
    {
        var violations = new Violations();
        RegistryRules.RequireSlug(violations, "office_id", officeId);
        RegistryRules.RequireName(violations, "name", name, MaxNameLength);
        var knownKommun = geography.TryGetKommun(kommunkod, out var kommun);
        violations.Require(knownKommun, "kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        if (position is { } p)
        {
            RegistryRules.RequireInSweden(violations, "position", p);
        }

        violations.Require(opened is null || (opened.Value.Year >= 2000 && opened.Value.Year <= 2100), "opened", "must be a date between 2000 and 2100");
        violations.ThrowIfAny();
        return new OfficeProfile(officeId!, name!.Trim(), kommun.Kommunkod, kommun.Lanskod, position ?? kommun.Position, opened);
    }
}
