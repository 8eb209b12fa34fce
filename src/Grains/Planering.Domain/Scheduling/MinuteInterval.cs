namespace Planering.Domain.Scheduling;

/// <summary>A half-open interval [From, To) of minutes after local midnight.</summary>
public readonly record struct MinuteInterval(int From, int To)
{
    public int Length => To - From;

    public bool Overlaps(MinuteInterval other) => From < other.To && other.From < To;

    /// <summary>
    /// The free parts of <paramref name="window"/> once the busy intervals are taken out. Busy intervals may overlap and
    /// come in any order.
    /// </summary>
    public static List<MinuteInterval> Free(MinuteInterval window, IEnumerable<MinuteInterval> busy)
    {
        var free = new List<MinuteInterval>(4);
        var cursor = window.From;
        foreach (var b in busy.Where(b => b.Overlaps(window)).OrderBy(b => b.From))
        {
            if (b.From > cursor)
            {
                free.Add(new MinuteInterval(cursor, Math.Min(b.From, window.To)));
            }

            cursor = Math.Max(cursor, b.To);
            if (cursor >= window.To)
            {
                break;
            }
        }

        if (cursor < window.To)
        {
            free.Add(new MinuteInterval(cursor, window.To));
        }

        return free;
    }

    /// <summary>The parts two sorted, non-overlapping interval lists have in common.</summary>
    public static List<MinuteInterval> Intersect(IReadOnlyList<MinuteInterval> a, IReadOnlyList<MinuteInterval> b)
    {
        var result = new List<MinuteInterval>(Math.Min(a.Count, b.Count) + 1);
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var from = Math.Max(a[i].From, b[j].From);
            var to = Math.Min(a[i].To, b[j].To);
            if (from < to)
            {
                result.Add(new MinuteInterval(from, to));
            }

            if (a[i].To < b[j].To)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result;
    }
}
