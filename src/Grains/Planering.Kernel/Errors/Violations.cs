namespace Planering.Domain.Errors;

/// <summary>Collects every field violation of one request so the caller learns all of them at once.</summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _found = [];

    public bool Any => _found.Count > 0;

    public IReadOnlyList<FieldViolation> Found => _found;

    public void Add(string field, string description) => _found.Add(new FieldViolation(field, description));

    /// <summary>Records a violation when <paramref name="condition"/> is false.</summary>
    public void Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            Add(field, description);
        }
    }

    /// <summary>Throws <see cref="PlaneringException"/> with <see cref="ErrorCode.InvalidArgument"/> if anything was found.</summary>
    public void ThrowIfAny()
    {
        if (_found.Count == 0)
        {
            return;
        }

        var message = string.Join("; ", _found.Select(v => $"{v.Field}: {v.Description}"));
        throw new PlaneringException(ErrorCode.InvalidArgument, message, violations: _found);
    }
}
