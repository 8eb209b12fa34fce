using Planering.Domain.World;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;

namespace Planering.Bench.Scale;

/// <summary>
/// Books dialogues at one office the way the API does (find the next slot, book it under a request id), so the stored state sizes show
/// an office with a calendar and huvudmän with a dialogue, not only the empty seeded world.
/// </summary>
public static class CalendarFill
{
    public const string OfficeId = "solna";

    /// <summary>Books up to <paramref name="count"/> dialogues at <see cref="OfficeId"/> for Stockholm's seeded huvudmän; returns how many.</summary>
    public static async Task<int> BookAsync(IGrainFactory grains, int count, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var booked = 0;
        foreach (var h in WorldSeed.Huvudman(SwedishGeography.Sweden).Where(h => h.Lanskod == "01").Take(count))
        {
            var huvudman = grains.GetGrain<IHuvudmanGrain>(h.OrganisationNumber.Value);
            var found = await huvudman.FindNextSlotAsync(new FindSlotRequest(from, [Domain.Workload.DialogueMode.Digital], OfficeId, 365, false));
            var slot = found.Slot;
            await grains.GetGrain<IBookingRequestGrain>($"bench-{h.OrganisationNumber.Value}")
                .BookAsync(h.OrganisationNumber.Value, new SlotChoice(slot.OfficeId, slot.Date, slot.StartMinute, slot.Mode, slot.AdvisorIds, false));
            booked++;
        }

        return booked;
    }
}
