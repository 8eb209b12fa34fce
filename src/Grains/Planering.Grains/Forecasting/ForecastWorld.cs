using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Forecasting;

/// <summary>
/// Reads the live world a forecast starts from: the offices and their staff (office directory), every huvudman with its
/// assigned office (the kommun index shards), and every dialogue (the offices' calendars, the source of truth).
/// </summary>
internal static class ForecastWorld
{
    /// <summary>How many past months of held dialogues inform the throughput regression.</summary>
    private const int HistoryMonths = 24;

    public static async Task<(IReadOnlyList<ForecastOffice> Offices, IReadOnlyList<ForecastHuvudman> Huvudman)> ReadAsync(IGrainFactory grains, DateOnly today)
    {
        var offices = await WorldReader.OfficesAsync(grains);
        var listings = await WorldReader.HuvudmanAsync(grains);
        var calendars = await Task.WhenAll(offices.Select(o => AllDialoguesAsync(grains, o.OfficeId)));
        var dialogues = calendars.SelectMany(d => d).Where(d => d.IsActive).ToList();
        var invitations = await Invitations.InvitationWorld.LatestInvitationsAsync(grains);

        var last = dialogues.Where(d => d.Slot.Date < today).GroupBy(d => d.HuvudmanId)
            .ToDictionary(g => g.Key, g => g.Max(d => d.Slot.Date), StringComparer.Ordinal);
        var next = dialogues.Where(d => d.Slot.Date >= today).GroupBy(d => d.HuvudmanId)
            .ToDictionary(g => g.Key, g => g.Min(d => d.Slot.Date), StringComparer.Ordinal);

        var huvudman = listings
            .Where(l => l.OfficeId is not null)
            .Select(l => new ForecastHuvudman(
                l.Huvudman.OrganisationNumber, l.OfficeId!, l.Huvudman.Position.ToDomain(), l.Huvudman.Pupils,
                last.TryGetValue(l.Huvudman.OrganisationNumber, out var held) ? held : null,
                next.TryGetValue(l.Huvudman.OrganisationNumber, out var booked) ? booked : null,
                l.Huvudman.Kommunkod)
            {
                // Take-up and waves (docs/invitations.md): the type gives the acceptance rate, the invitation the timing.
                Type = l.Huvudman.Type,
                Invitation = invitations.GetValueOrDefault(l.Huvudman.OrganisationNumber),
            })
            .ToList();

        var startOfMonth = new DateOnly(today.Year, today.Month, 1);
        var forecastOffices = offices.Select(o => new ForecastOffice(
            o.OfficeId, o.Kommunkod, o.Position.ToDomain(), o.Advisors.Select(a => a.ToDomain()).ToList(),
            HeldPerMonth(dialogues.Where(d => d.Slot.OfficeId == o.OfficeId), startOfMonth))).ToList();
        return (forecastOffices, huvudman);
    }

    /// <summary>Held dialogues per month for the months before the forecast, from the first month anything was held.</summary>
    private static List<int> HeldPerMonth(IEnumerable<DialogueRecord> dialogues, DateOnly startOfMonth)
    {
        var counts = new int[HistoryMonths];
        foreach (var d in dialogues)
        {
            var back = ForecastInputBuilder.MonthIndex(d.Slot.Date, startOfMonth);
            if (back is >= 1 and <= HistoryMonths)
            {
                counts[HistoryMonths - back]++;
            }
        }

        // Months before the office held its first dialogue say nothing about its throughput.
        return counts.SkipWhile(c => c == 0).ToList();
    }

    internal static async Task<List<DialogueRecord>> AllDialoguesAsync(IGrainFactory grains, string officeId)
    {
        var all = new List<DialogueRecord>();
        string? token = null;
        do
        {
            var page = await grains.GetGrain<IRegionalOfficeGrain>(officeId).ListDialoguesAsync(new DialogueFilter(null, null, false), DialogueListing.MaxPageSize, token);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        return all;
    }

    public static DateOnly Today(TimeProvider clock) => StockholmTime.LocalDate(clock.GetUtcNow());
}
