using System.Globalization;
using System.Text;
using Planering.Contracts.V1;

namespace Planering.Web.Export;

/// <summary>
/// A booked dialogue as an iCalendar (RFC 5545) invitation: one VEVENT in UTC, its UID the dialogue id (so a calendar
/// that imports it twice keeps one event), a cancelled dialogue as STATUS:CANCELLED. Text is escaped and lines folded at
/// 75 octets as the RFC requires.
/// </summary>
public static class Ics
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static byte[] Invitation(Dialogue dialogue, string officeName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dialogue);
        var slot = dialogue.Slot;
        var mode = slot.Mode == DialogueMode.OnSite ? "på plats" : "digitalt";
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Planering//Kvalitetsdialoger//SV",
            "CALSCALE:GREGORIAN",
            dialogue.Status == DialogueStatus.Cancelled ? "METHOD:CANCEL" : "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{Escape(dialogue.DialogueId)}@planering",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(slot.Start.ToDateTimeOffset())}",
            $"DTEND:{Utc(slot.End.ToDateTimeOffset())}",
            $"SUMMARY:{Escape($"Kvalitetsdialog med {dialogue.HuvudmanName}")}",
            $"LOCATION:{Escape(slot.Mode == DialogueMode.OnSite ? $"Hos huvudmannen ({dialogue.HuvudmanName})" : "Digitalt möte")}",
            $"DESCRIPTION:{Escape($"Kvalitetsdialog ({mode}) med {dialogue.HuvudmanName} ({dialogue.HuvudmanId}), kontor {officeName}. Rådgivare: {string.Join(", ", slot.AdvisorIds)}. Analysunderlaget skickas senast {slot.PreparationDeadline}.")}",
            $"STATUS:{(dialogue.Status == DialogueStatus.Cancelled ? "CANCELLED" : "CONFIRMED")}",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // Lines longer than 75 octets continue on the next line after a space; never inside a UTF-8 character.
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
