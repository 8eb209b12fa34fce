namespace Planering.Domain.Scheduling;

/// <summary>
/// The travel of a booked on-site dialogue: when the advisors leave (on <see cref="OutDate"/>) and arrive, when they leave
/// the huvudman and are home (on <see cref="BackDate"/>). The advisors are away from the departure to the end of the out
/// day, every day between, and from the start of the back day to their return: no other booking can use them then.
/// </summary>
/// <param name="RoadKm">Road kilometres there and back (a ferry crossing not counted).</param>
/// <param name="Ferry">The ferry line taken, or null for road only.</param>
public sealed record Trip(DateOnly OutDate, int OutFromMinute, int OutToMinute, DateOnly BackDate, int BackFromMinute, int BackToMinute, double RoadKm, string? Ferry)
{
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Nights away for each advisor.</summary>
    public int Nights => BackDate.DayNumber - OutDate.DayNumber;

    /// <summary>Minutes travelling there and back for each advisor (waiting for a ferry included).</summary>
    public int TravelMinutes => (OutToMinute - OutFromMinute) + (BackToMinute - BackFromMinute);

    /// <summary>The days the advisors are away, out day to back day.</summary>
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = OutDate; day <= BackDate; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    /// <summary>The nights away, each as the date of its evening.</summary>
    public IEnumerable<DateOnly> NightDates => Days.Where(d => d < BackDate);

    /// <summary>When the advisors are away on a day of the trip, or null on any other day.</summary>
    public MinuteInterval? AwayOn(DateOnly day) =>
        day < OutDate || day > BackDate ? null
        : new MinuteInterval(day == OutDate ? OutFromMinute : 0, day == BackDate ? BackToMinute : MinutesPerDay);
}
