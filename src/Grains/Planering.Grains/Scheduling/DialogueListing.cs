using Planering.Domain.Errors;
using Planering.Domain.Scheduling;
using Planering.Domain.Paging;

namespace Planering.Grains.Scheduling;

/// <summary>Pages a set of dialogues in (office, date, start, id) order, the one order every dialogue listing uses.</summary>
public static class DialogueListing
{
    public const int MaxPageSize = PageLimits.MaxPageSize;

    public static DialoguePage Page(IEnumerable<DialogueRecord> dialogues, DialogueFilter filter, int pageSize, string? pageToken)
    {
        var violations = new Violations();
        violations.Require(pageSize is >= 1 and <= MaxPageSize, "page_size", $"must be between 1 and {MaxPageSize}");
        violations.Require(filter.From is null || filter.To is null || filter.From <= filter.To, "to_date", "must not be before from_date");
        violations.ThrowIfAny();
        var after = DialogueCursor.Parse(pageToken);

        var matching = dialogues
            .Where(d => (filter.IncludeCancelled || d.IsActive)
                && (filter.From is null || d.Slot.Date >= filter.From)
                && (filter.To is null || d.Slot.Date <= filter.To))
            .Select(d => (Cursor: CursorOf(d), Dialogue: d))
            .Where(x => after is null || x.Cursor > after.Value)
            .OrderBy(x => x.Cursor)
            .Take(pageSize + 1)
            .ToList();

        var next = matching.Count > pageSize ? matching[pageSize - 1].Cursor.ToToken() : null;
        return new DialoguePage(matching.Take(pageSize).Select(x => x.Dialogue).ToList(), next);
    }

    public static DialogueCursor CursorOf(DialogueRecord d) => new(d.Slot.OfficeId, d.Slot.Date, d.Slot.StartMinute, d.DialogueId);
}
