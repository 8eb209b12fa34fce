namespace Planering.Domain.Forecasting;

/// <summary>One regional office as the forecast sees it: deterministic capacity, staff head count, huvudmän and optional history.</summary>
/// <param name="OfficeId">The office's slug, for example <c>lulea</c>.</param>
/// <param name="CapacityHours">
/// One value per month of the horizon: advisor hours available for dialogues, already net of holidays, planned absences,
/// FTE and the share of time for dialogues. Random absence comes on top of this.
/// </param>
/// <param name="Advisors">Head count; random parental leave and vacancies are modelled per advisor.</param>
/// <param name="TotalFte">The advisors' total FTE; each advisor is taken to carry an equal share of it (and so of the capacity).</param>
/// <param name="Huvudman">The huvudmän assigned to the office.</param>
/// <param name="History">Dialogues held per past month, oldest first, the last one being the month before the start; six or more months switch on the regression.</param>
public sealed record OfficeForecastInput(
    string OfficeId,
    IReadOnlyList<double> CapacityHours,
    int Advisors,
    double TotalFte,
    IReadOnlyList<HuvudmanDemand> Huvudman,
    IReadOnlyList<int>? History = null)
{
    /// <summary>Advisor hours per month before the slot limits bound them (null: the same as <see cref="CapacityHours"/>).</summary>
    public IReadOnlyList<double>? HoursCapacity { get; init; }

    /// <summary>Dialogues the office can hold per month under the slot limits (null: not known).</summary>
    public IReadOnlyList<int>? DialogueCapacity { get; init; }

    /// <summary>Dialogues that become demand per month, nominally (null: not known).</summary>
    public IReadOnlyList<double>? DueDialogues { get; init; }

    /// <summary>Expected advisor nights away per month on the trips of the dialogues that fall due (nominal).</summary>
    public IReadOnlyList<double>? DueNightsAway { get; init; }
}
