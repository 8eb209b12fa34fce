using Planering.Cli.Errors;

namespace Planering.Cli.Input;

/// <summary>
/// Organisation numbers as people write them (<c>NNNNNNNNNN</c> or <c>NNNNNN-NNNN</c>), checked before a call: a
/// wrong check digit is a typo the CLI can name, where the server could only answer "not found".
/// </summary>
public static class OrganisationNumbers
{
    /// <summary>The ten digits, or the reason the text is not an organisation number.</summary>
    public static bool TryNormalise(string? text, out string digits, out string error)
    {
        digits = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "is required";
            return false;
        }

        if (trimmed.Length == 11 && trimmed[6] == '-')
        {
            trimmed = string.Concat(trimmed.AsSpan(0, 6), trimmed.AsSpan(7));
        }

        if (trimmed.Length != 10 || !trimmed.All(char.IsAsciiDigit))
        {
            error = "must be 10 digits (NNNNNNNNNN or NNNNNN-NNNN)";
            return false;
        }

        if (CheckDigit(trimmed.AsSpan(0, 9)) != trimmed[9] - '0')
        {
            error = "has a wrong check digit (Luhn)";
            return false;
        }

        digits = trimmed;
        error = string.Empty;
        return true;
    }

    public static string Normalise(string? text, string field) =>
        TryNormalise(text, out var digits, out var error) ? digits : throw new InputException(field, error);

    /// <summary>Luhn over the nine leading digits: every other digit doubled, starting with the first.</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var doubled = (nineDigits.Length - i) % 2 == 1;
            var d = (nineDigits[i] - '0') * (doubled ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
