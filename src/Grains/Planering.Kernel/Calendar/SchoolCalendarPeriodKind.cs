namespace Planering.Domain.Calendar;

/// <summary>
/// What a row of a published school calendar describes: one of the lov, or a term (whose edges give sommarlov's and
/// jullov's). Values 1–5 are the <see cref="LovKind"/> values.
/// </summary>
public enum SchoolCalendarPeriodKind
{
    Sportlov = 1,
    Pasklov = 2,
    Sommarlov = 3,
    Hostlov = 4,
    Jullov = 5,

    /// <summary>Hösttermin: its first day ends sommarlov, its last day starts jullov.</summary>
    Hosttermin = 6,

    /// <summary>Vårtermin: its first day ends jullov, its last day starts sommarlov.</summary>
    Vartermin = 7,
}
