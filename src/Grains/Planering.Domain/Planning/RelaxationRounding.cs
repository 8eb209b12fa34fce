namespace Planering.Domain.Planning;

/// <summary>
/// Turns a fractional optimum into an assignment: every huvudman the relaxation kept whole stays where it is; the few
/// split ones (a basic optimum splits at most about one per office and load breakpoint) are placed largest first at
/// the office that raises the objective least given the loads so far.
/// </summary>
internal static class RelaxationRounding
{
    /// <param name="model">The model.</param>
    /// <param name="relaxation">A relaxation just solved for <paramref name="items"/>.</param>
    /// <param name="items">The positions the relaxation was solved for (model item indices).</param>
    /// <param name="count">How many of <paramref name="items"/> were solved.</param>
    /// <param name="assignment">Filled in for those items; other entries must already hold an office.</param>
    /// <param name="loads">The loads of every item not in <paramref name="items"/>; updated to include them.</param>
    public static void Round(PlanningModel model, FlowRelaxation relaxation, int[] items, int count, int[] assignment, double[] loads)
    {
        var split = new List<int>();
        for (var p = 0; p < count; p++)
        {
            if (relaxation.IsSplit(p))
            {
                split.Add(p);
                continue;
            }

            var office = relaxation.MainOffice(p);
            assignment[items[p]] = office;
            loads[office] += model.Demand[items[p]];
        }

        // Largest first: a big huvudman has the fewest offices it still fits into.
        split.Sort((x, y) =>
        {
            var byDemand = model.Demand[items[y]].CompareTo(model.Demand[items[x]]);
            return byDemand != 0 ? byDemand : x.CompareTo(y);
        });
        var m = model.OfficeCount;
        foreach (var p in split)
        {
            var item = items[p];
            var demand = model.Demand[item];
            var best = -1;
            var bestDelta = LexCost.PositiveInfinity;
            for (var k = 0; k < m; k++)
            {
                var delta = model.OfficeDelta(k, loads[k], demand) + new LexCost(0, model.Cost[(item * m) + k]);
                if (best < 0 || model.Less(delta, bestDelta))
                {
                    best = k;
                    bestDelta = delta;
                }
            }

            assignment[item] = best;
            loads[best] += demand;
        }
    }
}
