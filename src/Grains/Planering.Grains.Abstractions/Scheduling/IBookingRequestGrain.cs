namespace Planering.Grains.Scheduling;

/// <summary>
/// One booking request (key: the caller's request_id). It pins the request id to one huvudman and one slot, so a retry
/// returns the same dialogue and a reuse of the id for another request is refused.
/// </summary>
[Alias("planering.IBookingRequestGrain")]
public interface IBookingRequestGrain : IGrainWithStringKey
{
    [Alias("Book")]
    Task<DialogueRecord> BookAsync(string huvudmanId, SlotChoice slot);
}
