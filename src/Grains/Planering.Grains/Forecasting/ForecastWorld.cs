using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;

namespace Planering.Grains.Forecasting;

/// <summary>
/// Reads the live world a forecast starts from: the offices and their staff (office directory), every huvudman with its
/// assigned office (the kommun index shards), and every dialogue (the offices' calendars, the source of truth), which
/// the domain's <see cref="DialogueHistory"/> sums up.
/// </summary>
internal static class ForecastWorld
{
    public static async Task<(IReadOnlyList<ForecastOffice> Offices, IReadOnlyList<ForecastHuvudman> Huvudman)> ReadAsync(IGrainFactory grains, DateOnly today)
    {
        var offices = await WorldReader.OfficesAsync(grains);
        var listings = await WorldReader.HuvudmanAsync(grains);
        var calendars = await Task.WhenAll(offices.Select(o => AllDialoguesAsync(grains, o.OfficeId)));
        var dialogues = calendars.SelectMany(d => d).Where(d => d.IsActive).ToList();
        var invitations = await Invitations.InvitationWorld.LatestInvitationsAsync(grains);

        var history = DialogueHistory.Of(dialogues.Select(d => new DialogueDay(d.HuvudmanId, d.Slot.OfficeId, d.Slot.Date)), today);
        var huvudman = listings
            .Where(l => l.OfficeId is not null)
            .Select(l => new ForecastHuvudman(
                l.Huvudman.OrganisationNumber, l.OfficeId!, l.Huvudman.Position.ToDomain(), l.Huvudman.Pupils,
                history.LastHeld(l.Huvudman.OrganisationNumber), history.NextBooked(l.Huvudman.OrganisationNumber), l.Huvudman.Kommunkod)
            {
                // Take-up and waves (docs/invitations.md): the type gives the acceptance rate, the invitation the timing.
                Type = l.Huvudman.Type,
                Invitation = invitations.GetValueOrDefault(l.Huvudman.OrganisationNumber),
            })
            .ToList();

        var forecastOffices = offices.Select(o => new ForecastOffice(
            o.OfficeId, o.Kommunkod, o.Position.ToDomain(), o.Advisors.Select(a => a.ToDomain()).ToList(), history.HeldPerMonth(o.OfficeId))).ToList();
        return (forecastOffices, huvudman);
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
