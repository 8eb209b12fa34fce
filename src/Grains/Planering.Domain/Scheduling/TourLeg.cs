using Planering.Domain.Geography;

namespace Planering.Domain.Scheduling;

/// <summary>
/// One dialogue of a trip that visits several huvudmän (a tour): where the advisors come from and where they go after it.
/// The slot search checks a leg under every rule it checks a single dialogue under; only the travel differs: out from the
/// office or from the previous stop, and home, on to the next stop the same day, or a night here and on the next day.
/// </summary>
/// <param name="From">The previous stop's position, or null when the advisors leave from the office.</param>
/// <param name="FromKommunkod">The previous stop's kommun (null from the office).</param>
/// <param name="DepartAfterMinute">With a previous stop on the same day: when its dialogue ended (the advisors leave then).
/// Null with a previous stop: they slept there and leave at the start of the working day.</param>
/// <param name="End">What follows the dialogue.</param>
/// <param name="NightsBefore">Nights the tour has already spent away before this leg: the tour as a whole keeps to
/// <see cref="Travel.TripOptions.MaxNightsPerTrip"/>.</param>
public sealed record TourLeg(GeoPosition? From, string? FromKommunkod, int? DepartAfterMinute, LegEnd End, int NightsBefore)
{
    /// <summary>A tour's first stop: out from the office.</summary>
    public static TourLeg First(LegEnd end) => new(null, null, null, end, 0);

    /// <summary>
    /// This stop's leg when the stop before it on the tour was not visited (taken meanwhile, or refused) and was tried with
    /// <paramref name="skipped"/> on <paramref name="skippedDate"/>: the advisors come from where they actually were before
    /// it. On the skipped stop's own day they come from the stop before that as the skipped one would have (leaving when
    /// its dialogue ended, or in the morning after a night there); on a later day nothing booked brings them there (the
    /// night was to be spent at the skipped stop), so they leave from the office. The slot search checks the new leg as
    /// any other: the travel from farther away may no longer fit.
    /// </summary>
    public TourLeg AfterSkipped(TourLeg skipped, DateOnly skippedDate, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return skipped.From is not null && date == skippedDate && DepartAfterMinute is not null
            ? this with { From = skipped.From, FromKommunkod = skipped.FromKommunkod, DepartAfterMinute = skipped.DepartAfterMinute, NightsBefore = skipped.NightsBefore }
            : this with { From = null, FromKommunkod = null, DepartAfterMinute = null, NightsBefore = 0 };
    }
}
