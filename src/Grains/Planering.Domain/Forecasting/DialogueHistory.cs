namespace Planering.Domain.Forecasting;

/// <summary>One active (not cancelled) dialogue as the forecast's history reads it: who, which office, which day.</summary>
public readonly record struct DialogueDay(string HuvudmanId, string OfficeId, DateOnly Date);

/// <summary>
/// What the forecast takes from the dialogues held and booked as of <c>today</c>: each huvudman's last held dialogue
/// (before today) and next booked one (today or later), and each office's held dialogues per month over the
/// <see cref="HistoryMonths"/> months before the current one, which the throughput regression fits.
/// </summary>
public sealed class DialogueHistory
{
    /// <summary>How many past months of held dialogues inform the throughput regression.</summary>
    public const int HistoryMonths = 24;

    private readonly Dictionary<string, DateOnly> _lastHeld;
    private readonly Dictionary<string, DateOnly> _nextBooked;
    private readonly Dictionary<string, int[]> _heldByOffice;

    private DialogueHistory(Dictionary<string, DateOnly> lastHeld, Dictionary<string, DateOnly> nextBooked, Dictionary<string, int[]> heldByOffice) =>
        (_lastHeld, _nextBooked, _heldByOffice) = (lastHeld, nextBooked, heldByOffice);

    /// <param name="dialogues">Every active dialogue, in any order (cancelled ones are the caller's to leave out).</param>
    /// <param name="today">The day the forecast is made, in Stockholm.</param>
    public static DialogueHistory Of(IEnumerable<DialogueDay> dialogues, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dialogues);
        var startOfMonth = new DateOnly(today.Year, today.Month, 1);
        var lastHeld = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var nextBooked = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var heldByOffice = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var d in dialogues)
        {
            if (d.Date < today)
            {
                if (!lastHeld.TryGetValue(d.HuvudmanId, out var held) || d.Date > held)
                {
                    lastHeld[d.HuvudmanId] = d.Date;
                }
            }
            else if (!nextBooked.TryGetValue(d.HuvudmanId, out var booked) || d.Date < booked)
            {
                nextBooked[d.HuvudmanId] = d.Date;
            }

            // Months back from the current month: 1 is last month. The current month is not complete, so it is not history.
            var back = ForecastInputBuilder.MonthIndex(d.Date, startOfMonth);
            if (back is >= 1 and <= HistoryMonths)
            {
                if (!heldByOffice.TryGetValue(d.OfficeId, out var counts))
                {
                    heldByOffice[d.OfficeId] = counts = new int[HistoryMonths];
                }

                counts[HistoryMonths - back]++;
            }
        }

        return new DialogueHistory(lastHeld, nextBooked, heldByOffice);
    }

    /// <summary>The day of the huvudman's last dialogue before today, or null.</summary>
    public DateOnly? LastHeld(string huvudmanId) => _lastHeld.TryGetValue(huvudmanId, out var held) ? held : null;

    /// <summary>The day of the huvudman's next dialogue from today on, or null.</summary>
    public DateOnly? NextBooked(string huvudmanId) => _nextBooked.TryGetValue(huvudmanId, out var booked) ? booked : null;

    /// <summary>
    /// The office's held dialogues per month, oldest first, ending last month, from the first month in the window in
    /// which it held any: months before its first dialogue say nothing about its throughput. Empty when it held none.
    /// </summary>
    public IReadOnlyList<int> HeldPerMonth(string officeId) =>
        _heldByOffice.TryGetValue(officeId, out var counts) ? [.. counts.SkipWhile(c => c == 0)] : [];
}
