using System.Security.Cryptography;
using System.Text;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Dialogue ids are derived from the office and the caller's request id, so every retry of a booking names the same
/// dialogue and the office can recognise it; the office part routes a cancellation to its calendar.
/// Form: <c>{office_id}.{20 hex digits}</c> (office ids never contain a dot).
/// </summary>
public static class DialogueIds
{
    public static string For(string officeId, string requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestId));
        return $"{officeId}.{Convert.ToHexStringLower(hash)[..20]}";
    }

    /// <summary>The office of a dialogue id, or null when the text is not a dialogue id.</summary>
    public static string? OfficeOf(string? dialogueId)
    {
        if (dialogueId is null)
        {
            return null;
        }

        var dot = dialogueId.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dialogueId.Length - dot - 1 != 20 || !Registry.RegistryRules.IsSlug(dialogueId[..dot])
            || !dialogueId.AsSpan(dot + 1).ContainsOnlyHexLower())
        {
            return null;
        }

        return dialogueId[..dot];
    }

    private static bool ContainsOnlyHexLower(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
