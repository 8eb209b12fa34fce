namespace Planering.Domain.Planning;

/// <summary>
/// A value of the lexicographic objective: overload hours first, then cost. Sums and differences work component-wise,
/// which is what lets one min-cost-flow and one branch and bound handle "capacity is hard when it can be" without a
/// big-M constant that would either be too small to be hard or so large that it swamps the cost's precision.
/// </summary>
internal readonly record struct LexCost(double Overload, double Cost)
{
    public static LexCost Zero => default;

    public static LexCost PositiveInfinity => new(double.PositiveInfinity, double.PositiveInfinity);

    public bool IsFinite => double.IsFinite(Overload) && double.IsFinite(Cost);

    public static LexCost operator +(LexCost a, LexCost b) => new(a.Overload + b.Overload, a.Cost + b.Cost);

    public static LexCost operator -(LexCost a, LexCost b) => new(a.Overload - b.Overload, a.Cost - b.Cost);

    public static LexCost operator -(LexCost a) => new(-a.Overload, -a.Cost);

    public static LexCost operator *(double factor, LexCost a) => new(factor * a.Overload, factor * a.Cost);

    /// <summary>Exact lexicographic order; used where ties must be broken the same way every time (shortest paths).</summary>
    public static bool Less(LexCost a, LexCost b) => a.Overload < b.Overload || (a.Overload == b.Overload && a.Cost < b.Cost);

    /// <summary>
    /// True when <paramref name="a"/> is better than <paramref name="b"/> by more than rounding noise: a move or an
    /// incumbent is accepted only then, so floating-point dust can neither cycle a local search nor fake a better bound.
    /// </summary>
    public static bool ClearlyLess(LexCost a, LexCost b, double overloadTolerance, double costTolerance) =>
        a.Overload < b.Overload - overloadTolerance
        || (a.Overload <= b.Overload + overloadTolerance && a.Cost < b.Cost - costTolerance);
}
