namespace Planering.Domain.Scheduling;

/// <summary>What a rejection says about a slot that was offered and is now being booked.</summary>
public static class RejectionKinds
{
    /// <summary>
    /// True when the rule fails because of other bookings made since the slot was offered (advisors now busy, the
    /// day's or week's cap now reached, preparation hours or nights away now spent): the slot was taken, and a retry at
    /// the next free slot may succeed. False when the slot breaks a rule whatever others booked (a holiday, the lead
    /// time, travel): asking again for the same slot can never succeed.
    /// </summary>
    public static bool MeansTaken(this RejectionCode code) =>
        code is RejectionCode.AdvisorsBusy or RejectionCode.DailyCap or RejectionCode.WeeklyCap or RejectionCode.Preparation or RejectionCode.NightsLimit;
}
