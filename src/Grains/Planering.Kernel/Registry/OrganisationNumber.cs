using System.Diagnostics.CodeAnalysis;

namespace Planering.Domain.Registry;

/// <summary>
/// A Swedish organisation number (organisationsnummer): ten digits, the last a Luhn check digit over the first nine.
/// Accepted as <c>NNNNNNNNNN</c> or <c>NNNNNN-NNNN</c>; always stored as ten digits.
/// </summary>
public readonly record struct OrganisationNumber
{
    private OrganisationNumber(string digits) => Value = digits;

    /// <summary>The ten digits, no separator.</summary>
    public string Value { get; }

    /// <summary>Tries to read an organisation number; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryParse(string? text, out OrganisationNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is required";
            return false;
        }

        var trimmed = text.Trim();
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

        number = new OrganisationNumber(trimmed);
        error = null;
        return true;
    }

    /// <summary>Builds a valid number from nine leading digits by appending their Luhn check digit.</summary>
    public static OrganisationNumber FromNineDigits(string nineDigits)
    {
        if (nineDigits.Length != 9 || !nineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("nine digits expected", nameof(nineDigits));
        }

        return new OrganisationNumber(nineDigits + (char)('0' + CheckDigit(nineDigits)));
    }

    /// <summary>The Luhn check digit of the given digits (weights 2,1,2,1… from the left for nine digits).</summary>
    public static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // The rightmost payload digit is doubled, as in every Luhn scheme.
            var doubled = (digits.Length - i) % 2 == 1;
            var d = (digits[i] - '0') * (doubled ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }

    public override string ToString() => Value;
}
