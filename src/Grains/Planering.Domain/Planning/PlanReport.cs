namespace Planering.Domain.Planning;

/// <summary>One office's line of a plan.</summary>
public sealed record OfficePlanLine(
    string OfficeId,
    int HuvudmanCount,
    double DemandHours,
    double CapacityHours,
    double Utilisation,
    double TravelKmPerYear,
    double TravelHoursPerYear,
    double MonthsToCover)
{
    /// <summary>Advisor nights away per year on trips that do not fit the working day.</summary>
    public double NightsAwayPerYear { get; init; }

    /// <summary>
    /// Set when the office cannot hold a dialogue at all (too few advisors for advisors_per_dialogue, or no bookable
    /// day): the plan leaves it out of the assignment, so it takes no huvudmän, and says why here (Swedish, for planners).
    /// </summary>
    public string? NoCapacityReason { get; init; }

    /// <summary>Dialogues due per year (one per huvudman per its cycle).</summary>
    public double DialoguesPerYear { get; init; }

    /// <summary>Dialogues the office can hold in the year under the slot limits.</summary>
    public double DialogueCapacityPerYear { get; init; }

    public double HoursUtilisation { get; init; }

    public double DialogueUtilisation { get; init; }

    public BindingLimit Binding { get; init; }

    public LoadStatus Status { get; init; }

    /// <summary>A line measured in hours and dialogues; <see cref="Utilisation"/> is the binding one of the two.</summary>
    public static OfficePlanLine Measure(string officeId, int huvudmanCount, double demandHours, double capacityHours, double travelKm, double travelHours,
        double roundHours, double dialogues, double dialogueCapacity)
    {
        var (utilisation, binding, status) = Judge(demandHours, capacityHours, dialogues, dialogueCapacity);
        var byHours = capacityHours > 0 ? roundHours / (capacityHours / 12) : double.PositiveInfinity;
        var byDialogues = dialogueCapacity > 0 ? huvudmanCount / (dialogueCapacity / 12) : double.PositiveInfinity;
        var months = huvudmanCount == 0 ? 0 : Math.Max(byHours, byDialogues);
        return new OfficePlanLine(officeId, huvudmanCount, demandHours, capacityHours, utilisation, travelKm, travelHours, months)
        {
            DialoguesPerYear = dialogues,
            DialogueCapacityPerYear = dialogueCapacity,
            HoursUtilisation = capacityHours > 0 ? demandHours / capacityHours : 0,
            DialogueUtilisation = dialogueCapacity > 0 ? dialogues / dialogueCapacity : 0,
            Binding = binding,
            Status = status,
        };
    }

    /// <summary>The binding utilisation of hours and dialogues, which binds, and the status (never "0 %" when demand meets no capacity).</summary>
    public static (double Utilisation, BindingLimit Binding, LoadStatus Status) Judge(double demandHours, double capacityHours, double dialogues, double dialogueCapacity)
    {
        if (demandHours <= 0 && dialogues <= 0)
        {
            return (0, BindingLimit.None, LoadStatus.Ok);
        }

        if (capacityHours <= 0 || dialogueCapacity <= 0)
        {
            return (double.PositiveInfinity, capacityHours <= 0 ? BindingLimit.Hours : BindingLimit.Dialogues, LoadStatus.NoCapacity);
        }

        var hours = demandHours / capacityHours;
        var slots = dialogues / dialogueCapacity;
        var utilisation = Math.Max(hours, slots);
        return (utilisation, slots > hours ? BindingLimit.Dialogues : BindingLimit.Hours, utilisation > 1 ? LoadStatus.Overloaded : LoadStatus.Ok);
    }
}

/// <summary>A plan's figures: per office and in total (see <see cref="PlanningWorld"/> for how each is measured).</summary>
public sealed record PlanReport(
    IReadOnlyList<OfficePlanLine> Offices,
    double DemandHours,
    double CapacityHours,
    double NationalUtilisation,
    double TravelKmPerYear,
    double TravelHoursPerYear,
    double MonthsToCover,
    bool Feasible,
    double OverloadHours,
    int Moved)
{
    /// <summary>Advisor nights away per year, all offices.</summary>
    public double NightsAwayPerYear { get; init; }

    public double DialoguesPerYear { get; init; }

    public double DialogueCapacityPerYear { get; init; }

    public double HoursUtilisation { get; init; }

    public double DialogueUtilisation { get; init; }

    public BindingLimit Binding { get; init; }

    public LoadStatus Status { get; init; }
}

/// <summary>A huvudman that a scenario moves to another office.</summary>
public sealed record Reassignment(string HuvudmanId, string Name, string Kommunkod, string FromOfficeId, string ToOfficeId, double RoadKmBefore, double RoadKmAfter);

/// <summary>A scenario's effect on one län.</summary>
public sealed record LanEffect(string Lanskod, string Lan, int HuvudmanReassigned, double TravelKmPerYearBefore, double TravelKmPerYearAfter);

/// <summary>What a scenario changes: the huvudmän it moves and the travel per län.</summary>
public sealed record ScenarioComparison(IReadOnlyList<Reassignment> Reassigned, IReadOnlyList<LanEffect> LanEffects);
