using System.Globalization;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.Paging;

namespace Planering.Gateway.Errors;

/// <summary>Shape checks at the edge: what a field must look like before a grain is called. Business rules live in the domain.</summary>
public static class RequestShape
{
    /// <summary>
    /// Organisation numbers are grain keys, so only the canonical form (ten digits) is accepted, and its Luhn check digit
    /// is checked here, under the request's own field name, before any grain is asked.
    /// </summary>
    public static void OrganisationNumber(Violations violations, string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(field, "is required");
        }
        else if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            violations.Add(field, "must be exactly 10 digits, no separator");
        }
        else if (!Domain.Registry.OrganisationNumber.TryParse(value, out _, out var error))
        {
            violations.Add(field, error);
        }
    }

    /// <summary>
    /// An office id is a slug (the registry's rule); checked before it becomes a grain key, so a malformed one is
    /// INVALID_ARGUMENT rather than an unknown office, and no grain is activated for it.
    /// </summary>
    public static void OfficeId(Violations violations, string field, string value, bool required = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Require(!required, field, "is required");
        }
        else if (!RegistryRules.IsSlug(value))
        {
            violations.Add(field, "must be an office id: 2–40 characters of a–z, 0–9 and '-', starting with a letter");
        }
    }

    public const int DefaultPageSize = PageLimits.DefaultPageSize;
    public const int MaxPageSize = PageLimits.MaxPageSize;

    /// <summary>A listing's page size: 1 to <see cref="MaxPageSize"/>, 0 meaning <see cref="DefaultPageSize"/>.</summary>
    public static int PageSize(Violations violations, int value)
    {
        violations.Require(value is >= 0 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize} (0 means {DefaultPageSize})");
        return value == 0 ? DefaultPageSize : value;
    }

    /// <summary>A listing's page token: no longer than any token a listing issues (its content is checked where it is read).</summary>
    public static void PageToken(Violations violations, string value) =>
        violations.Require(value.Length <= PageLimits.MaxPageTokenLength, "page_token", "is not a token this service issued");

    public static void Required(Violations violations, string field, string value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            violations.Add(field, $"must be at most {maxLength} characters");
        }
    }

    /// <summary>Parses an optional YYYY-MM-DD date; an empty string is absent.</summary>
    public static DateOnly? OptionalDate(Violations violations, string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        violations.Add(field, "must be a date YYYY-MM-DD");
        return null;
    }

    /// <summary>The years a date in a request may name: the registry's range (offices, absences), wide enough for any filter.</summary>
    public const int MinYear = 2000;

    public const int MaxYear = 2100;

    /// <summary>An optional YYYY-MM-DD date within <see cref="MinYear"/>–<see cref="MaxYear"/>; an empty string is absent.</summary>
    public static DateOnly? OptionalDateInRange(Violations violations, string field, string value)
    {
        var date = OptionalDate(violations, field, value);
        if (date is { Year: < MinYear or > MaxYear })
        {
            violations.Add(field, $"must lie between {MinYear}-01-01 and {MaxYear}-12-31");
            return null;
        }

        return date;
    }

    /// <summary>A year within <see cref="MinYear"/>–<see cref="MaxYear"/>, as the dates a request may name.</summary>
    public static void Year(Violations violations, string field, int year) =>
        violations.Require(year is >= MinYear and <= MaxYear, field, $"must be a year from {MinYear} to {MaxYear}");

    public static DateOnly RequiredDate(Violations violations, string field, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            violations.Add(field, "is required (YYYY-MM-DD)");
            return default;
        }

        return OptionalDate(violations, field, value) ?? default;
    }

    public static void KnownEnum<TEnum>(Violations violations, string field, TEnum value, bool allowUnspecified)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            violations.Add(field, $"{Convert.ToInt32(value, CultureInfo.InvariantCulture)} is not a known value");
        }
        else if (!allowUnspecified && Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0)
        {
            violations.Add(field, "is required");
        }
    }

    public static void Position(Violations violations, string field, GeoPoint? point)
    {
        if (point is null)
        {
            return;
        }

        violations.Require(double.IsFinite(point.Latitude), $"{field}.latitude", "must be a finite number");
        violations.Require(double.IsFinite(point.Longitude), $"{field}.longitude", "must be a finite number");
    }
}
