namespace Planering.Gateway.Security;

/// <summary>
/// The roles a token may carry and the policies the API's methods require. Every role reads; writing is split by
/// duty: a scheduler books and keeps the huvudmän and their school holidays, a planner shapes offices, staff and the
/// plan. A token may carry several roles. README.md, "Security", has the table per method.
/// </summary>
public static class ApiRoles
{
    /// <summary>Management and anyone else who only looks: every Get/List, forecasts, the plan, slot searches.</summary>
    public const string Viewer = "viewer";

    /// <summary>Books and cancels dialogues, sets school holidays, registers huvudmän; reads everything.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>Changes offices and staffing, rebalances, simulates and commits scenarios, ranks sites, imports school calendars and sets kommun calendar rules; reads everything.</summary>
    public const string Planner = "planner";

    public static readonly IReadOnlyList<string> All = [Viewer, Scheduler, Planner];

    /// <summary>The policy of read-only methods: any role.</summary>
    public const string ReadPolicy = "planering.read";

    /// <summary>The policy of the scheduler's writes.</summary>
    public const string SchedulePolicy = "planering.schedule";

    /// <summary>The policy of the planner's writes and of the what-if computations.</summary>
    public const string PlanPolicy = "planering.plan";

    /// <summary>The roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Policies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [ReadPolicy] = [Viewer, Scheduler, Planner],
        [SchedulePolicy] = [Scheduler],
        [PlanPolicy] = [Planner],
    };
}
