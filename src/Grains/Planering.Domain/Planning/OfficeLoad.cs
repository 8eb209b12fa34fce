namespace Planering.Domain.Planning;

/// <summary>How loaded one office is under an assignment.</summary>
/// <param name="OfficeId">The office.</param>
/// <param name="LoadHours">L_j: the demand of the huvudmän assigned to it.</param>
/// <param name="CapacityHours">C_j.</param>
/// <param name="TargetHours">T_j = (U + s)·C_j, above which the balance penalty applies.</param>
/// <param name="HuvudmanCount">How many huvudmän are assigned to it.</param>
public sealed record OfficeLoad(string OfficeId, double LoadHours, double CapacityHours, double TargetHours, int HuvudmanCount)
{
    /// <summary>L_j / C_j.</summary>
    public double Utilisation => LoadHours / CapacityHours;

    /// <summary>max(0, L_j − C_j).</summary>
    public double OverloadHours => Math.Max(0, LoadHours - CapacityHours);
}
