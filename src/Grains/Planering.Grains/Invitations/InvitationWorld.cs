using Planering.Domain.Invitations;
using Planering.Domain.World;
using Planering.Grains.Forecasting;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;

namespace Planering.Grains.Invitations;

/// <summary>
/// What waves and coverage start from: the offices, every huvudman with its office, its last held and next booked
/// dialogue (the offices' calendars, the source of truth) and its latest invitation (the kommun ledgers).
/// </summary>
internal sealed record InvitationWorld(
    IReadOnlyList<OfficeRecord> Offices,
    IReadOnlyList<HuvudmanListing> Huvudman,
    IReadOnlyDictionary<string, DateOnly> LastHeld,
    IReadOnlyDictionary<string, DateOnly> NextBooked,
    IReadOnlyDictionary<string, Invitation> Latest)
{
    public static async Task<InvitationWorld> ReadAsync(IGrainFactory grains, DateOnly today)
    {
        var offices = await WorldReader.OfficesAsync(grains);
        var listings = await WorldReader.HuvudmanAsync(grains);
        var calendars = await Task.WhenAll(offices.Select(o => ForecastWorld.AllDialoguesAsync(grains, o.OfficeId)));
        var dialogues = calendars.SelectMany(d => d).Where(d => d.IsActive).ToList();
        var latest = await LatestInvitationsAsync(grains);
        return new InvitationWorld(
            offices,
            listings,
            dialogues.Where(d => d.Slot.Date < today).GroupBy(d => d.HuvudmanId).ToDictionary(g => g.Key, g => g.Max(d => d.Slot.Date), StringComparer.Ordinal),
            dialogues.Where(d => d.Slot.Date >= today).GroupBy(d => d.HuvudmanId).ToDictionary(g => g.Key, g => g.Min(d => d.Slot.Date), StringComparer.Ordinal),
            latest);
    }

    /// <summary>Every huvudman's latest invitation, all kommun ledgers read in parallel.</summary>
    public static async Task<IReadOnlyDictionary<string, Invitation>> LatestInvitationsAsync(IGrainFactory grains)
    {
        var shards = await Task.WhenAll(SwedishGeography.Sweden.Kommuner.Select(k => grains.GetGrain<IInvitationLedgerGrain>(k.Kommunkod).LatestAsync()));
        return shards.SelectMany(s => s).ToDictionary(i => i.HuvudmanId, i => i.ToDomain(), StringComparer.Ordinal);
    }

    public InvitationCandidate Candidate(HuvudmanListing listing) => new(
        listing.Huvudman.OrganisationNumber,
        listing.Huvudman.Name,
        listing.Huvudman.Type,
        listing.Huvudman.Pupils,
        listing.OfficeId ?? string.Empty,
        LastHeld.TryGetValue(listing.Huvudman.OrganisationNumber, out var held) ? held : null,
        NextBooked.TryGetValue(listing.Huvudman.OrganisationNumber, out var booked) ? booked : null,
        Latest.GetValueOrDefault(listing.Huvudman.OrganisationNumber));
}
