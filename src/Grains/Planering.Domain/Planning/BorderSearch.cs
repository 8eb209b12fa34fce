namespace Planering.Domain.Planning;

/// <summary>
/// Large-neighbourhood improvement for pairs and triangles of neighbouring offices: take the huvudmän of each office
/// that are cheapest to move to another office of the set, and re-assign that window among those offices exactly by
/// branch and bound, everyone else staying put.
/// </summary>
/// <remarks>
/// With tight capacities the last few percent are lost to packing: an office ends a few hours short of its capacity or
/// target because no single shift or swap fits. The window search finds the k-for-l exchanges (two small huvudmän for
/// one large, three for two, …) that fill it, and on triangles the chains a → b → c that no pairwise move can make.
/// A window holds about 50 huvudmän on 2–3 offices, so its relaxation is tiny and its search usually ends in proof
/// within the node limit. Pairs are visited in order of how many huvudmän have the other office as their
/// second-cheapest (ties by index), and only pairs that share such a border; then at most 2·m triangles whose three
/// sides are borders. Rounds repeat while some window improves.
/// </remarks>
internal sealed class BorderSearch
{
    private const int WindowPerSide = 24;
    private const long NodesPerWindow = 600;
    private const int MaxRounds = 4;

    private readonly PlanningModel _model;
    private readonly FlowRelaxation _relaxation;

    // Office sets searched without success, with the membership fingerprint of their offices at the time: searching
    // them again before any of those offices changes would only repeat the same proof.
    private readonly Dictionary<long, ulong> _fruitless = [];

    public BorderSearch(PlanningModel model, FlowRelaxation relaxation)
    {
        _model = model;
        _relaxation = relaxation;
    }

    public int[] Improve(int[] assignment)
    {
        var model = _model;
        var value = model.Evaluate(assignment);
        for (var round = 0; round < MaxRounds; round++)
        {
            var improved = false;
            var fingerprints = Fingerprints(assignment);
            foreach (var offices in Neighbourhoods(model, assignment))
            {
                var key = Key(offices);
                var fingerprint = Combine(offices, fingerprints);
                if (_fruitless.TryGetValue(key, out var seen) && seen == fingerprint)
                {
                    continue;
                }

                var window = Window(model, assignment, offices);
                if (window.Length < 2)
                {
                    continue;
                }

                var allowed = new bool[window.Length * model.OfficeCount];
                for (var p = 0; p < window.Length; p++)
                {
                    foreach (var office in offices)
                    {
                        allowed[(p * model.OfficeCount) + office] = true;
                    }
                }

                var search = new BranchAndBound(model, assignment, NodesPerWindow, long.MaxValue, _relaxation);
                search.Run(window, allowed);
                if (model.ClearlyLess(search.BestValue, value))
                {
                    assignment = search.Best;
                    value = search.BestValue;
                    improved = true;
                    fingerprints = Fingerprints(assignment);
                }
                else
                {
                    _fruitless[key] = fingerprint;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return assignment;
    }

    private static long Key(int[] offices)
    {
        var key = 0L;
        foreach (var office in offices)
        {
            key = (key * 65_536) + office + 1;
        }

        return key;
    }

    private static ulong Combine(int[] offices, ulong[] fingerprints)
    {
        var combined = 0UL;
        foreach (var office in offices)
        {
            combined = (combined * 0x9E3779B97F4A7C15UL) ^ fingerprints[office];
        }

        return combined;
    }

    // An order-independent hash of each office's members (sum of mixed item indices), O(n).
    private ulong[] Fingerprints(int[] assignment)
    {
        var fingerprints = new ulong[_model.OfficeCount];
        for (var i = 0; i < assignment.Length; i++)
        {
            var z = ((ulong)i + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            fingerprints[assignment[i]] += z ^ (z >> 27);
        }

        return fingerprints;
    }

    // Border pairs, busiest first, then triangles of offices whose three pairs all share a border (chains a → b → c).
    private static List<int[]> Neighbourhoods(PlanningModel model, int[] assignment)
    {
        var m = model.OfficeCount;
        var border = new int[m * m];
        for (var i = 0; i < model.ItemCount; i++)
        {
            var at = assignment[i];
            var second = -1;
            for (var k = 0; k < m; k++)
            {
                if (k != at && (second < 0 || model.Cost[(i * m) + k] < model.Cost[(i * m) + second]))
                {
                    second = k;
                }
            }

            if (second >= 0)
            {
                border[(at * m) + second]++;
                border[(second * m) + at]++;
            }
        }

        var pairs = new List<(int Weight, int[] Offices)>();
        var triangles = new List<(int Weight, int[] Offices)>();
        for (var a = 0; a < m; a++)
        {
            for (var b = a + 1; b < m; b++)
            {
                if (border[(a * m) + b] == 0)
                {
                    continue;
                }

                pairs.Add((border[(a * m) + b], [a, b]));
                for (var c = b + 1; c < m; c++)
                {
                    if (border[(a * m) + c] > 0 && border[(b * m) + c] > 0)
                    {
                        triangles.Add((border[(a * m) + b] + border[(a * m) + c] + border[(b * m) + c], [a, b, c]));
                    }
                }
            }
        }

        // Stable sorts: heaviest first, ties in index order.
        return pairs.OrderByDescending(p => p.Weight).Select(p => p.Offices)
            .Concat(triangles.OrderByDescending(t => t.Weight).Take(MaxTriangles(m)).Select(t => t.Offices))
            .ToList();
    }

    private static int MaxTriangles(int offices) => 2 * offices;

    // From each office of the set, the huvudmän that lose least by moving to another office of the set.
    private static int[] Window(PlanningModel model, int[] assignment, int[] offices)
    {
        var m = model.OfficeCount;
        var perOffice = offices.ToDictionary(o => o, _ => new List<(double Extra, int Item)>());
        var perSide = offices.Length == 2 ? WindowPerSide : WindowPerSide * 2 / 3;
        for (var i = 0; i < model.ItemCount; i++)
        {
            if (model.Demand[i] <= 0 || !perOffice.TryGetValue(assignment[i], out var list))
            {
                continue;
            }

            var extra = double.PositiveInfinity;
            foreach (var other in offices)
            {
                if (other != assignment[i])
                {
                    extra = Math.Min(extra, model.Cost[(i * m) + other] - model.Cost[(i * m) + assignment[i]]);
                }
            }

            list.Add((extra, i));
        }

        var window = new List<int>();
        foreach (var office in offices)
        {
            var list = perOffice[office];
            list.Sort();
            window.AddRange(list.Take(perSide).Select(e => e.Item));
        }

        window.Sort();
        return window.ToArray();
    }
}
