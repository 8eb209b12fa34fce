using System.Text.RegularExpressions;
using Planering.Domain.Errors;
using Planering.Domain.Geography;

namespace Planering.Domain.Registry;

/// <summary>Field rules shared by the registry's entities.</summary>
public static partial class RegistryRules
{
    /// <summary>A slug: lower-case ASCII letters, digits and hyphens, starting with a letter, 2–40 characters.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    public static void RequireSlug(Violations violations, string field, string? value) =>
        violations.Require(IsSlug(value), field, "must be 2–40 characters of a–z, 0–9 and '-', starting with a letter");

    public static void RequireName(Violations violations, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "must not be empty");
        }
        else if (value.Trim().Length > maxLength)
        {
            violations.Add(field, $"must be at most {maxLength} characters");
        }
        else if (value.Any(char.IsControl))
        {
            violations.Add(field, "must not contain control characters");
        }
    }

    /// <summary>
    /// Free text a person wrote (a reason, a note): at most <paramref name="maxLength"/> characters, line breaks and tabs
    /// allowed, no other control characters (a NUL or an escape sequence would reach every screen and export that shows it).
    /// </summary>
    public static void RequireText(Violations violations, string field, string? value, int maxLength)
    {
        var text = value ?? string.Empty;
        if (text.Length > maxLength)
        {
            violations.Add(field, $"must be at most {maxLength} characters");
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            violations.Add(field, "must not contain control characters other than line breaks and tabs");
        }
    }

    public static void RequireInSweden(Violations violations, string field, GeoPosition position)
    {
        violations.Require(
            double.IsFinite(position.Latitude) && position.Latitude is >= GeoPosition.MinLatitude and <= GeoPosition.MaxLatitude,
            $"{field}.latitude",
            $"must be inside Sweden ({GeoPosition.MinLatitude}–{GeoPosition.MaxLatitude} N)");
        violations.Require(
            double.IsFinite(position.Longitude) && position.Longitude is >= GeoPosition.MinLongitude and <= GeoPosition.MaxLongitude,
            $"{field}.longitude",
            $"must be inside Sweden ({GeoPosition.MinLongitude}–{GeoPosition.MaxLongitude} E)");
    }

    /// <summary>A slug made from a name: "Umeå" → "umea", "Västra Frölunda" → "vastra-frolunda".</summary>
    public static string SlugFrom(string name)
    {
        var folded = new string(name.Trim().ToLowerInvariant()
            .Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')
            .ToArray());
        var slug = string.Join('-', folded.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
