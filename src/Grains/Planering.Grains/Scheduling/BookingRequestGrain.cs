using Planering.Domain.Errors;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;

namespace Planering.Grains.Scheduling;

[GenerateSerializer, Alias("planering.BookingRequestState")]
public sealed class BookingRequestState
{
    [Id(0)] public string? HuvudmanId { get; set; }

    [Id(1)] public string? Fingerprint { get; set; }
}

/// <summary>
/// Pins a request id to the first request that used it: the same request is forwarded (the huvudman grain answers a
/// retry with the dialogue it already booked); a different request under the same id is refused. A request that was
/// refused by a rule frees its id again, since it booked nothing.
/// </summary>
public sealed class BookingRequestGrain(
    [PersistentState("booking-request", StorageNames.Planering)] IPersistentState<BookingRequestState> state) : Grain, IBookingRequestGrain
{
    public async Task<DialogueRecord> BookAsync(string huvudmanId, SlotChoice slot)
    {
        if (state.State.Fingerprint is { } pinned && (state.State.HuvudmanId != huvudmanId || pinned != slot.Fingerprint))
        {
            throw new PlaneringException(ErrorCode.AlreadyExists,
                "request_id was already used for a different booking; use a new request_id", "REQUEST_ID_REUSED",
                [new FieldViolation("request_id", "was already used for a different booking")]);
        }

        if (state.State.Fingerprint is null)
        {
            state.State.HuvudmanId = huvudmanId;
            state.State.Fingerprint = slot.Fingerprint;
            await state.WriteOrReloadAsync(this);
        }

        try
        {
            return await GrainFactory.GetGrain<IHuvudmanGrain>(huvudmanId).BookAsync(this.GetPrimaryKeyString(), slot);
        }
        catch (PlaneringException rejected) when (rejected.Code is not ErrorCode.AlreadyExists)
        {
            await state.ClearOrReloadAsync(this);
            throw;
        }
    }
}
