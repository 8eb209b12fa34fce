using Planering.Domain.Errors;

namespace Planering.Domain.Calendar;

/// <summary>
/// The defaults from which every kommun's lov are computed before its own overrides. Sportlov is not here: its default
/// week is the län's (<see cref="World.Lan.SportlovWeek"/>).
/// </summary>
/// <remarks>
/// Lov given as a week are Monday–Friday (the school days off); weekends are never school days, so they are not listed.
/// The sommarlov default follows the usual Swedish pattern: the school year ends on a Friday in the second week of June
/// and the next begins on a Monday in mid-August. With the defaults below sommarlov runs from the first Monday on or
/// after 11 June (11–17 June) to the Friday before the first Monday on or after 15 August (12–18 August), e.g.
/// 15 June–14 August 2026.
/// </remarks>
public sealed record SchoolHolidayRules
{
    /// <summary>The rules described in the remarks.</summary>
    public static SchoolHolidayRules Default { get; } = new();

    /// <summary>ISO week of höstlov (default 44, nearly every kommun).</summary>
    public int HostlovWeek { get; init; } = 44;

    /// <summary>Where påsklov lies relative to Easter (default: the week after Easter Sunday).</summary>
    public PasklovRule Pasklov { get; init; } = PasklovRule.WeekAfterEaster;

    /// <summary>Sommarlov starts on the first Monday on or after this day of June (default 11).</summary>
    public int SommarlovStartJuneDay { get; init; } = 11;

    /// <summary>The school year starts on the first Monday on or after this day of August (default 15); sommarlov ends the Friday before.</summary>
    public int SchoolStartAugustDay { get; init; } = 15;

    /// <summary>Jullov starts on this day of December (default 21).</summary>
    public int JullovStartDecemberDay { get; init; } = 21;

    /// <summary>Jullov ends on this day of January of the next year, inclusive (default 7).</summary>
    public int JullovEndJanuaryDay { get; init; } = 7;

    /// <summary>Throws <see cref="PlaneringException"/> naming every out-of-range setting.</summary>
    public void Validate()
    {
        var violations = new Violations();
        violations.Require(HostlovWeek is >= 1 and <= 52, "hostlov_week", "must be an ISO week 1–52");
        violations.Require(Enum.IsDefined(Pasklov), "pasklov_rule", "must be WEEK_AFTER_EASTER or WEEK_BEFORE_EASTER");
        violations.Require(SommarlovStartJuneDay is >= 1 and <= 30, "sommarlov_start_june_day", "must be a day 1–30 of June");
        violations.Require(SchoolStartAugustDay is >= 1 and <= 31, "school_start_august_day", "must be a day 1–31 of August");
        violations.Require(JullovStartDecemberDay is >= 1 and <= 31, "jullov_start_december_day", "must be a day 1–31 of December");
        violations.Require(JullovEndJanuaryDay is >= 1 and <= 31, "jullov_end_january_day", "must be a day 1–31 of January");
        violations.ThrowIfAny();
    }
}
