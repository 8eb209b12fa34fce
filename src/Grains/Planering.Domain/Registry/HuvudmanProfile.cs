using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.World;

namespace Planering.Domain.Registry;

/// <summary>Who a huvudman is and where: the registry part of a huvudman.</summary>
/// <param name="Pupils">Size of the organiser in pupils; the dialogue's effort grows with it.</param>
/// <param name="Synthetic">True when the seed generated this huvudman because no real register was loaded.</param>
/// <param name="OrganisationNumberSynthetic">
/// True when the organisation number is not the huvudman's real one but generated (the seed numbers the kommuner
/// 21200 + kommunkod, and invents the independent huvudmän): it must never be shown as a real number. Always true for a
/// synthetic huvudman.
/// </param>
public sealed record HuvudmanProfile(
    OrganisationNumber OrganisationNumber,
    string Name,
    HuvudmanType Type,
    string Kommunkod,
    string Lanskod,
    GeoPosition Position,
    int Pupils,
    bool Synthetic,
    bool OrganisationNumberSynthetic = false)
{
    public const int MaxNameLength = 200;
    public const int MaxPupils = 1_000_000;

    /// <summary>
    /// Validates every field and builds the profile; all violations are reported at once with their API field names.
    /// Without a position the huvudman is placed at its kommun's seat.
    /// </summary>
    public static HuvudmanProfile Create(
        string? organisationNumber,
        string? name,
        HuvudmanType type,
        string? kommunkod,
        GeoPosition? position,
        int pupils,
        bool synthetic,
        SwedishGeography geography,
        bool organisationNumberSynthetic = false)
    {
        var violations = new Violations();
        if (!OrganisationNumber.TryParse(organisationNumber, out var number, out var numberError))
        {
            violations.Add("organisation_number", numberError);
        }

        RegistryRules.RequireName(violations, "name", name, MaxNameLength);
        violations.Require(Enum.IsDefined(type), "type", "must be one of MUNICIPAL, INDEPENDENT, REGION, STATE");
        var knownKommun = geography.TryGetKommun(kommunkod, out var kommun);
        violations.Require(knownKommun, "kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        if (position is { } p)
        {
            RegistryRules.RequireInSweden(violations, "position", p);
        }

        violations.Require(pupils is >= 0 and <= MaxPupils, "pupils", $"must be between 0 and {MaxPupils}");
        violations.ThrowIfAny();

        return new HuvudmanProfile(number, name!.Trim(), type, kommun.Kommunkod, kommun.Lanskod, position ?? kommun.Position, pupils, synthetic,
            synthetic || organisationNumberSynthetic);
    }
}
