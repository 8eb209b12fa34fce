using Planering.Domain.Errors;

namespace Planering.Domain.Travel;

/// <summary>
/// How on-site dialogues far from the office are travelled: the ferry lines to island kommuner and how many nights away
/// an advisor may spend per month. The trip rules themselves (when a dialogue needs a night away) are in
/// <see cref="TripPlanner"/>. Part of <see cref="Workload.WorkloadOptions"/>, so every figure reads the same settings.
/// </summary>
public sealed record TripOptions
{
    /// <summary>The defaults documented on each property.</summary>
    public static TripOptions Default { get; } = new();

    /// <summary>
    /// The most nights away one advisor may spend on dialogue trips in one calendar month (default 4: about one overnight
    /// trip a week). An assumption: the agencies publish no figure; a state employee's travel is bounded by the agency's
    /// travel policy and the work environment rules, and the dialogues are one part of an advisor's job. 0 allows no
    /// overnight trips at all. An office may set its own limit.
    /// </summary>
    public int MaxNightsAwayPerAdvisorMonth { get; init; } = 4;

    /// <summary>
    /// The most nights one trip may take (default 2: travel the day before and home the day after). A trip whose legs need
    /// more is not offered (the huvudman is then on the travel rule's list).
    /// </summary>
    public int MaxNightsPerTrip { get; init; } = 2;

    /// <summary>The ferry lines to island kommuner (default Nynäshamn–Visby and Oskarshamn–Visby for Gotland).</summary>
    public IReadOnlyList<FerryRoute> FerryRoutes { get; init; } = [FerryRoute.NynashamnVisby, FerryRoute.OskarshamnVisby];

    /// <summary>Throws when an office's own nights limit is out of range (null: the office keeps the default).</summary>
    public static void RequireNightsLimit(int? limit)
    {
        if (limit is < 0 or > 31)
        {
            throw PlaneringException.Invalid("max_nights_away_per_advisor_month", "must be between 0 and 31");
        }
    }

    /// <summary>Adds a violation for every setting out of range.</summary>
    public void Validate(Violations violations)
    {
        violations.Require(MaxNightsAwayPerAdvisorMonth is >= 0 and <= 31, "max_nights_away_per_advisor_month", "must be between 0 and 31");
        violations.Require(MaxNightsPerTrip is >= 0 and <= 2, "max_nights_per_trip", "must be between 0 and 2");
        violations.Require(FerryRoutes is { Count: <= 20 }, "ferry_routes", "must hold at most 20 routes");
        for (var i = 0; i < (FerryRoutes?.Count ?? 0) && i < 20; i++)
        {
            FerryRoutes![i].Validate(violations, $"ferry_routes[{i}]");
        }
    }
}
