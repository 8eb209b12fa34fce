using System.Globalization;
using Planering.Contracts.V1;
using WorkloadModel = Planering.Domain.Workload.WorkloadModel;

namespace Planering.Cluster.Tests;

/// <summary>What a calendar must never show, however its bookings arrived.</summary>
internal static class CalendarAssert
{
    /// <summary>
    /// No advisor is in two active dialogues at overlapping times, and no day or ISO week holds more dialogues than the
    /// office's caps. The tests book digital dialogues only, so a dialogue's busy time is exactly its start to its end.
    /// </summary>
    public static void NoSlotHeldTwice(IEnumerable<Dialogue> dialogues)
    {
        var active = dialogues.Where(d => d.Status != DialogueStatus.Cancelled).ToList();
        Assert.All(active, d => Assert.Equal(DialogueMode.Digital, d.Slot.Mode));
        foreach (var advisor in active.SelectMany(d => d.Slot.AdvisorIds.Select(a => (Advisor: a, Dialogue: d))).GroupBy(x => x.Advisor))
        {
            var ordered = advisor.Select(x => x.Dialogue).OrderBy(d => d.Slot.Start.ToDateTimeOffset()).ToList();
            foreach (var (earlier, later) in ordered.Zip(ordered.Skip(1)))
            {
                Assert.True(earlier.Slot.End.ToDateTimeOffset() <= later.Slot.Start.ToDateTimeOffset(),
                    $"advisor {advisor.Key} is held twice: {Describe(earlier)} and {Describe(later)}");
            }
        }

        var caps = WorkloadModel.Default.Options;
        foreach (var day in active.GroupBy(d => d.Slot.Date))
        {
            Assert.True(day.Count() <= caps.MaxDialoguesPerDay, $"{day.Count()} dialogues on {day.Key}, over the daily cap of {caps.MaxDialoguesPerDay}");
        }

        foreach (var week in active.GroupBy(d => IsoWeek(d.Slot.Date)))
        {
            Assert.True(week.Count() <= caps.MaxDialoguesPerWeek, $"{week.Count()} dialogues in ISO week {week.Key}, over the weekly cap of {caps.MaxDialoguesPerWeek}");
        }
    }

    private static string IsoWeek(string date)
    {
        var day = DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }

    private static string Describe(Dialogue d) =>
        $"{d.DialogueId} ({d.Slot.Date} {d.Slot.LocalStart}–{d.Slot.LocalEnd}, {string.Join('+', d.Slot.AdvisorIds)}, request {d.RequestId})";
}
