using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// A kommun's own school-calendar rule: each setting it gives replaces the national (or län) default, each one it leaves
/// out (null) is inherited. Shipped per-kommun defaults and the rules a planner sets are both of this shape; a planner's
/// rule is laid over the shipped one.
/// </summary>
public sealed record KommunLovRule
{
    /// <summary>No setting of its own: everything inherited.</summary>
    public static KommunLovRule None { get; } = new();

    public int? SportlovWeek { get; init; }

    public PasklovRule? Pasklov { get; init; }

    public int? PasklovWeek { get; init; }

    public int? LateEasterFromAprilDay { get; init; }

    public int? HostlovWeek { get; init; }

    public int? LastSchoolDayJune { get; init; }

    public DayOfWeek? LastSchoolDayWeekday { get; init; }

    public int? FirstSchoolDayAugust { get; init; }

    public int? LastSchoolDayDecember { get; init; }

    public int? FirstSchoolDayJanuary { get; init; }

    /// <summary>True when it sets nothing.</summary>
    public bool IsEmpty => this == None;

    /// <summary>The complete rules: these settings over <paramref name="inherited"/>.</summary>
    public SchoolHolidayRules ApplyTo(SchoolHolidayRules inherited) => inherited with
    {
        SportlovWeek = SportlovWeek ?? inherited.SportlovWeek,
        Pasklov = Pasklov ?? inherited.Pasklov,
        PasklovWeek = PasklovWeek ?? inherited.PasklovWeek,
        LateEasterFromAprilDay = LateEasterFromAprilDay ?? inherited.LateEasterFromAprilDay,
        HostlovWeek = HostlovWeek ?? inherited.HostlovWeek,
        LastSchoolDayJune = LastSchoolDayJune ?? inherited.LastSchoolDayJune,
        LastSchoolDayWeekday = LastSchoolDayWeekday ?? inherited.LastSchoolDayWeekday,
        FirstSchoolDayAugust = FirstSchoolDayAugust ?? inherited.FirstSchoolDayAugust,
        LastSchoolDayDecember = LastSchoolDayDecember ?? inherited.LastSchoolDayDecember,
        FirstSchoolDayJanuary = FirstSchoolDayJanuary ?? inherited.FirstSchoolDayJanuary,
    };

    /// <summary>These settings, with <paramref name="lower"/>'s where this one has none.</summary>
    public KommunLovRule Over(KommunLovRule lower) => new()
    {
        SportlovWeek = SportlovWeek ?? lower.SportlovWeek,
        Pasklov = Pasklov ?? lower.Pasklov,
        PasklovWeek = PasklovWeek ?? lower.PasklovWeek,
        LateEasterFromAprilDay = LateEasterFromAprilDay ?? lower.LateEasterFromAprilDay,
        HostlovWeek = HostlovWeek ?? lower.HostlovWeek,
        LastSchoolDayJune = LastSchoolDayJune ?? lower.LastSchoolDayJune,
        LastSchoolDayWeekday = LastSchoolDayWeekday ?? lower.LastSchoolDayWeekday,
        FirstSchoolDayAugust = FirstSchoolDayAugust ?? lower.FirstSchoolDayAugust,
        LastSchoolDayDecember = LastSchoolDayDecember ?? lower.LastSchoolDayDecember,
        FirstSchoolDayJanuary = FirstSchoolDayJanuary ?? lower.FirstSchoolDayJanuary,
    };

    /// <summary>True when one of its settings decides the dates of <paramref name="kind"/>.</summary>
    public bool Decides(LovKind kind) => kind switch
    {
        LovKind.Sportlov => SportlovWeek is not null,
        LovKind.Pasklov => Pasklov is not null || PasklovWeek is not null || LateEasterFromAprilDay is not null,
        LovKind.Hostlov => HostlovWeek is not null,
        LovKind.Sommarlov => LastSchoolDayJune is not null || LastSchoolDayWeekday is not null || FirstSchoolDayAugust is not null,
        LovKind.Jullov => LastSchoolDayDecember is not null || FirstSchoolDayJanuary is not null,
        _ => false,
    };

    /// <summary>Throws <see cref="PlaneringException"/> naming every setting that is out of range on top of <paramref name="inherited"/>.</summary>
    public void Validate(SchoolHolidayRules inherited, string prefix = "")
    {
        var violations = new Violations();
        Check(violations, prefix, inherited);
        violations.ThrowIfAny();
    }

    internal void Check(Violations violations, string prefix, SchoolHolidayRules inherited)
    {
        ArgumentNullException.ThrowIfNull(inherited);
        ApplyTo(inherited).Check(violations, prefix);
    }

    internal static void CheckWeek(Violations violations, string field, int? week) =>
        violations.Require(week is null or (>= 1 and <= 52), field, "must be an ISO week 1–52");
}
