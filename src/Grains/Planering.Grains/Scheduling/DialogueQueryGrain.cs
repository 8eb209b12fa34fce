using Planering.Domain.Scheduling;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;

namespace Planering.Grains.Scheduling;

/// <summary>
/// Walks the offices in id order. The page token carries the office, so each office returns only what lies after it;
/// one more than a page is gathered to tell whether a next page exists.
/// </summary>
[StatelessWorker]
public sealed class DialogueQueryGrain : Grain, IDialogueQueryGrain
{
    public async Task<DialoguePage> ListAsync(DialogueFilter filter, int pageSize, string? pageToken)
    {
        var after = DialogueCursor.Parse(pageToken);
        var offices = await GrainFactory.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();
        var items = new List<DialogueRecord>(pageSize + 1);
        foreach (var office in offices.Where(o => after is null || string.CompareOrdinal(o.OfficeId, after.Value.OfficeId) >= 0))
        {
            var page = await GrainFactory.GetGrain<IRegionalOfficeGrain>(office.OfficeId)
                .ListDialoguesAsync(filter, Math.Min(DialogueListing.MaxPageSize, pageSize + 1 - items.Count), pageToken);
            items.AddRange(page.Items);
            if (items.Count > pageSize)
            {
                break;
            }
        }

        return DialogueListing.Page(items, filter, pageSize, pageToken);
    }
}
