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
}
