namespace Planering.Domain.Scheduling;

/// <summary>How far ahead a slot search looks: the bounds a request is checked against before any search runs.</summary>
public static class SlotLimits
{
    /// <summary>Two school years: beyond that no calendar is published and no plan holds.</summary>
    public const int MaxHorizonDays = 730;

    /// <summary>One year ahead when a caller names no horizon: a whole cycle of terms and lov.</summary>
    public const int DefaultHorizonDays = 365;
}
