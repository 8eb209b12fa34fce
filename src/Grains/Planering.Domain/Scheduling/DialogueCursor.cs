using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Planering.Domain.Errors;

namespace Planering.Domain.Scheduling;

/// <summary>
/// Where a dialogue listing continues: after this (office, date, start minute, dialogue id). Listings are ordered by
/// office, then date, start and id, so the position stays valid while dialogues are added or cancelled.
/// </summary>
public readonly record struct DialogueCursor(string OfficeId, DateOnly Date, int StartMinute, string DialogueId) : IComparable<DialogueCursor>
{
    private const string Prefix = "d1";

    public string ToToken() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}|{OfficeId}|{Date:yyyy-MM-dd}|{StartMinute}|{DialogueId}")));

    public static DialogueCursor? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
            if (parts.Length == 5 && parts[0] == Prefix
                && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                return new DialogueCursor(parts[1], date, start, parts[4]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below: a token we did not issue.
        }

        throw PlaneringException.Invalid("page_token", "is not a token this service issued");
    }

    public int CompareTo(DialogueCursor other)
    {
        var byOffice = string.CompareOrdinal(OfficeId, other.OfficeId);
        if (byOffice != 0)
        {
            return byOffice;
        }

        var byDate = Date.CompareTo(other.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        var byStart = StartMinute.CompareTo(other.StartMinute);
        return byStart != 0 ? byStart : string.CompareOrdinal(DialogueId, other.DialogueId);
    }

    public static bool operator <(DialogueCursor left, DialogueCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(DialogueCursor left, DialogueCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(DialogueCursor left, DialogueCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DialogueCursor left, DialogueCursor right) => left.CompareTo(right) >= 0;
}
