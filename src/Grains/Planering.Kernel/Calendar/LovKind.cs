namespace Planering.Domain.Calendar;

/// <summary>The school holidays (lov) of a Swedish school year, in the order they come in a calendar year.</summary>
public enum LovKind
{
    /// <summary>Sportlov: the winter sports week, ISO week 7–10 depending on the län.</summary>
    Sportlov = 1,

    /// <summary>Påsklov: the Easter holiday.</summary>
    Pasklov = 2,

    /// <summary>Sommarlov: the summer holiday between two school years.</summary>
    Sommarlov = 3,

    /// <summary>Höstlov: the autumn week, ISO week 44 almost everywhere.</summary>
    Hostlov = 4,

    /// <summary>Jullov: the Christmas holiday; it belongs to the year in which it starts.</summary>
    Jullov = 5,
}
