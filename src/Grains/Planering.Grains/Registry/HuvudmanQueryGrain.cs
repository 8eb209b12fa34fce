using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Domain.Paging;

namespace Planering.Grains.Registry;

/// <summary>
/// Pages through the kommun shards in kommunkod order: fills the page from the shards at and after the cursor one by
/// one, then counts the remaining shards in parallel for the total.
/// </summary>
[StatelessWorker]
public sealed class HuvudmanQueryGrain : Grain, IHuvudmanQueryGrain
{
    public async Task<HuvudmanPage> ListAsync(HuvudmanFilter filter, int pageSize, string? pageToken)
    {
        var geography = SwedishGeography.Sweden;
        var violations = new Violations();
        violations.Require(filter.Lanskod is null || geography.TryGetLan(filter.Lanskod, out _), "lanskod", "must be one of the 21 two-digit län codes");
        violations.Require(filter.Kommunkod is null || geography.TryGetKommun(filter.Kommunkod, out _), "kommunkod", "must be one of the 290 four-digit kommun codes (SCB)");
        violations.Require(pageSize is >= 1 and <= PageLimits.MaxPageSize, "page_size", $"must be between 1 and {PageLimits.MaxPageSize}");
        violations.ThrowIfAny();
        var cursor = ListingCursor.Parse(pageToken);

        if (filter.OfficeId is { } officeId)
        {
            var offices = await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();
            if (offices.All(o => o.OfficeId != officeId))
            {
                throw PlaneringException.NotFound("office", officeId);
            }
        }

        var kommuner = (filter.Kommunkod is { } kommunkod ? [kommunkod]
            : filter.Lanskod is { } lanskod ? geography.KommunerByLan[lanskod].Select(k => k.Kommunkod)
            : geography.Kommuner.Select(k => k.Kommunkod)).ToList();

        // One more than a page tells whether a next page exists.
        var wanted = pageSize + 1;
        var items = new List<HuvudmanListing>(wanted);
        var total = 0;
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kommun in kommuner)
        {
            if (items.Count >= wanted)
            {
                break;
            }

            var order = cursor is { } c ? string.CompareOrdinal(kommun, c.Kommunkod) : 1;
            if (order < 0)
            {
                continue;
            }

            var page = await GrainFactory.GetGrain<IHuvudmanIndexGrain>(kommun)
                .ListAsync(filter, order == 0 ? cursor!.Value.OrganisationNumber : null, wanted - items.Count);
            items.AddRange(page.Items);
            total += page.Matching;
            counted.Add(kommun);
        }

        var counts = await Task.WhenAll(kommuner.Where(k => !counted.Contains(k))
            .Select(k => GrainFactory.GetGrain<IHuvudmanIndexGrain>(k).ListAsync(filter, null, 0)));
        total += counts.Sum(c => c.Matching);

        string? next = null;
        if (items.Count > pageSize)
        {
            items.RemoveRange(pageSize, items.Count - pageSize);
            var last = items[^1].Huvudman;
            next = new ListingCursor(last.Kommunkod, last.OrganisationNumber).ToToken();
        }

        return new HuvudmanPage(items, next, total);
    }
}
