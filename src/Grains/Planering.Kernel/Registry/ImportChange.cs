namespace Planering.Domain.Registry;

/// <summary>What importing one row does to the huvudman it names.</summary>
public enum ImportChange
{
    /// <summary>Not registered yet: the row creates it.</summary>
    New = 0,

    /// <summary>Registered with other values: the row replaces them.</summary>
    Changed = 1,

    /// <summary>Registered with the same values: nothing is written.</summary>
    Unchanged = 2,
}
