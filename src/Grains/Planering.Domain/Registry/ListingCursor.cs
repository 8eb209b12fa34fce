using System.Buffers.Text;
using System.Text;
using Planering.Domain.Errors;

namespace Planering.Domain.Registry;

/// <summary>
/// Where a paged huvudman listing continues: after this organisation number in this kommun. Listings are ordered by
/// (kommunkod, organisation number), so the position stays valid while entries are added or removed.
/// </summary>
public readonly record struct ListingCursor(string Kommunkod, string OrganisationNumber)
{
    private const string Prefix = "v1|";

    /// <summary>The opaque page token handed to clients.</summary>
    public string ToToken() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Prefix}{Kommunkod}|{OrganisationNumber}"));

    /// <summary>Reads a page token; an empty token means the start; a malformed one is an invalid <c>page_token</c>.</summary>
    public static ListingCursor? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw PlaneringException.Invalid("page_token", "is not a token this service issued");
        }

        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] + "|" != Prefix || parts[1].Length != 4 || !OrganisationNumberShape(parts[2]))
        {
            throw PlaneringException.Invalid("page_token", "is not a token this service issued");
        }

        return new ListingCursor(parts[1], parts[2]);
    }

    private static bool OrganisationNumberShape(string value) => value.Length == 10 && value.All(char.IsAsciiDigit);
}
