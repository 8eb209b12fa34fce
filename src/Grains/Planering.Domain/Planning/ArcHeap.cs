namespace Planering.Domain.Planning;

/// <summary>
/// A binary min-heap of (key, item, generation) used by <see cref="FlowRelaxation"/> for the cheapest way to move
/// demand from one office to another. Entries go stale when an item leaves an office; the caller skips them lazily
/// (the generation tells a stale entry from a fresh one for the same item), which keeps every update O(log n).
/// Ties on the key are broken by item index, so the order is deterministic.
/// </summary>
internal sealed class ArcHeap
{
    private double[] _keys = new double[8];
    private int[] _items = new int[8];
    private int[] _generations = new int[8];

    public int Count { get; private set; }

    public double TopKey => _keys[0];

    public int TopItem => _items[0];

    public int TopGeneration => _generations[0];

    public void Clear() => Count = 0;

    public void Push(double key, int item, int generation)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _items, Count * 2);
            Array.Resize(ref _generations, Count * 2);
        }

        var at = Count++;
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Before(key, item, _keys[parent], _items[parent]))
            {
                break;
            }

            Set(at, _keys[parent], _items[parent], _generations[parent]);
            at = parent;
        }

        Set(at, key, item, generation);
    }

    public void Pop()
    {
        Count--;
        if (Count == 0)
        {
            return;
        }

        var key = _keys[Count];
        var item = _items[Count];
        var generation = _generations[Count];
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Before(_keys[child + 1], _items[child + 1], _keys[child], _items[child]))
            {
                child++;
            }

            if (!Before(_keys[child], _items[child], key, item))
            {
                break;
            }

            Set(at, _keys[child], _items[child], _generations[child]);
            at = child;
        }

        Set(at, key, item, generation);
    }

    private static bool Before(double key, int item, double otherKey, int otherItem) =>
        key < otherKey || (key == otherKey && item < otherItem);

    private void Set(int at, double key, int item, int generation)
    {
        _keys[at] = key;
        _items[at] = item;
        _generations[at] = generation;
    }
}
