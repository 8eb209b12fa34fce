namespace Planering.Domain.Calendar;

/// <summary>The choices an organisation makes on top of the statutory Swedish holidays.</summary>
/// <param name="PaskaftonIsNonWorking">
/// Whether påskafton (Easter Eve) is a non-working day. It is always a Saturday, so the choice only matters for an office
/// that works Saturdays; many Swedish offices close it, hence the default <c>true</c>. When false, påskafton is not listed.
/// </param>
public sealed record SwedishHolidayOptions(bool PaskaftonIsNonWorking = true)
{
    /// <summary>Påskafton closed.</summary>
    public static SwedishHolidayOptions Default { get; } = new();
}
