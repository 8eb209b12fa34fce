using System.Globalization;
using Planering.Domain.Errors;
using Planering.Domain.Geography;

namespace Planering.Domain.Travel;

/// <summary>
/// A ferry line to an island kommun: the ports, the crossing time, when to be at the terminal before a departure, and
/// the departures each way as minutes after local midnight (the same timetable every working day). A trip to a huvudman in
/// one of <see cref="IslandKommunkoder"/> drives to the mainland port, waits for the next departure and drives on from the
/// island port; no road is assumed across the water.
/// </summary>
/// <param name="Name">For people, e.g. "Nynäshamn–Visby".</param>
/// <param name="IslandKommunkoder">The kommuner only this kind of route reaches (Gotland: 0980).</param>
/// <param name="CrossingMinutes">Departure to arrival on the water.</param>
/// <param name="CheckInMinutes">How long before a departure the travellers must be at the terminal.</param>
/// <param name="DeparturesFromMainland">Departures from the mainland port, minutes after local midnight.</param>
/// <param name="DeparturesFromIsland">Departures from the island port, minutes after local midnight.</param>
public sealed record FerryRoute(
    string Name,
    GeoPosition MainlandPort,
    GeoPosition IslandPort,
    IReadOnlyList<string> IslandKommunkoder,
    int CrossingMinutes,
    int CheckInMinutes,
    IReadOnlyList<int> DeparturesFromMainland,
    IReadOnlyList<int> DeparturesFromIsland)
{
    /// <summary>
    /// Destination Gotland, Nynäshamn–Visby: 3 h 15 min on the water (Destination Gotland's own figure "about three hours";
    /// 19:10 → 22:25 in a published passenger account), check-in for foot and car passengers closing 20 minutes before
    /// departure (destinationgotland.se, "Inpassering"). Outside the summer season the line runs a few departures a day
    /// each way; the timetable below is an assumption rounded to a typical weekday (morning, midday and evening each way),
    /// to be replaced with the season's real one.
    /// </summary>
    public static FerryRoute NynashamnVisby { get; } = new(
        "Nynäshamn–Visby",
        new GeoPosition(58.9000, 17.9540),
        new GeoPosition(57.6390, 18.2870),
        ["0980"],
        195,
        20,
        [At(7, 30), At(12, 30), At(17, 30)],
        [At(7, 0), At(12, 20), At(19, 10)]);

    /// <summary>
    /// Destination Gotland, Oskarshamn–Visby: about 3 h on the water (the operator's figure, "about three hours, whether
    /// from Nynäshamn or Oskarshamn"); fewer departures than from Nynäshamn (an assumption: two a day each way).
    /// </summary>
    public static FerryRoute OskarshamnVisby { get; } = new(
        "Oskarshamn–Visby",
        new GeoPosition(57.2640, 16.4560),
        new GeoPosition(57.6390, 18.2870),
        ["0980"],
        180,
        20,
        [At(9, 0), At(18, 0)],
        [At(7, 0), At(16, 30)]);

    /// <summary>Reaches a huvudman in this kommun.</summary>
    public bool Serves(string kommunkod) => IslandKommunkoder.Contains(kommunkod, StringComparer.Ordinal);

    /// <summary>Adds a violation for every setting out of range, under <paramref name="field"/>.</summary>
    public void Validate(Violations violations, string field)
    {
        violations.Require(!string.IsNullOrWhiteSpace(Name), $"{field}.name", "must not be empty");
        violations.Require(MainlandPort.IsInSweden, $"{field}.mainland_port", "must lie in Sweden");
        violations.Require(IslandPort.IsInSweden, $"{field}.island_port", "must lie in Sweden");
        violations.Require(IslandKommunkoder is { Count: > 0 } && IslandKommunkoder.All(k => k is { Length: 4 } && k.All(char.IsAsciiDigit)), $"{field}.island_kommunkoder", "must name at least one four-digit kommunkod");
        violations.Require(CrossingMinutes is >= 10 and <= 24 * 60, $"{field}.crossing_minutes", "must be between 10 and 1440");
        violations.Require(CheckInMinutes is >= 0 and <= 240, $"{field}.check_in_minutes", "must be between 0 and 240");
        Departures(violations, $"{field}.departures_from_mainland", DeparturesFromMainland);
        Departures(violations, $"{field}.departures_from_island", DeparturesFromIsland);
    }

    private static void Departures(Violations violations, string field, IReadOnlyList<int> departures)
    {
        violations.Require(departures is { Count: > 0 and <= 48 }, field, "must hold 1 to 48 departures");
        if (departures is null)
        {
            return;
        }

        for (var i = 0; i < departures.Count; i++)
        {
            violations.Require(departures[i] is >= 0 and < 24 * 60, string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), "must be a time of day (0–1439 minutes)");
            violations.Require(i == 0 || departures[i] > departures[i - 1], string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), "must come after the departure before it");
        }
    }

    private static int At(int hour, int minute) => (hour * 60) + minute;
}
