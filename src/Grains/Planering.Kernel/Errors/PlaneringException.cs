using System.Collections;
using System.Globalization;

namespace Planering.Domain.Errors;

/// <summary>
/// The one error type of Planering. It crosses grain calls and is mapped to a gRPC status by the gateway.
/// </summary>
/// <remarks>
/// The code, the reason and the field violations are kept in <see cref="Exception.Data"/> with string keys and values,
/// so the exception keeps them through any serializer that carries message and data (Orleans' exception codec does),
/// without the domain depending on a serialization library.
/// </remarks>
public sealed class PlaneringException : Exception
{
    private const string CodeKey = "planering.code";
    private const string ReasonKey = "planering.reason";
    private const string ViolationPrefix = "planering.violation.";
    private const string DetailPrefix = "planering.detail.";

    /// <summary>How much of an unknown id a message repeats: enough to recognise it, never a caller's whole payload.</summary>
    private const int MaxEchoedId = 100;

    public PlaneringException()
        : this(ErrorCode.InvalidArgument, "invalid request")
    {
    }

    public PlaneringException(string message)
        : this(ErrorCode.InvalidArgument, message)
    {
    }

    public PlaneringException(string message, Exception innerException)
        : base(message, innerException)
    {
        Data[CodeKey] = ((int)ErrorCode.InvalidArgument).ToString(CultureInfo.InvariantCulture);
    }

    public PlaneringException(
        ErrorCode code, string message, string? reason = null, IEnumerable<FieldViolation>? violations = null, IReadOnlyDictionary<string, string>? details = null)
        : base(message)
    {
        Data[CodeKey] = ((int)code).ToString(CultureInfo.InvariantCulture);
        if (reason is not null)
        {
            Data[ReasonKey] = reason;
        }

        var index = 0;
        foreach (var violation in violations ?? [])
        {
            // The index keeps two violations of the same field apart and preserves their order.
            Data[$"{ViolationPrefix}{index++:D3}.{violation.Field}"] = violation.Description;
        }

        foreach (var (key, value) in details ?? new Dictionary<string, string>())
        {
            Data[DetailPrefix + key] = value;
        }
    }

    /// <summary>The kind of failure.</summary>
    public ErrorCode Code =>
        Data[CodeKey] is string text && int.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? (ErrorCode)value
            : ErrorCode.InvalidArgument;

    /// <summary>A short machine-readable reason (for example <c>SLOT_TAKEN</c>), when the code alone is not enough.</summary>
    public string? Reason => Data[ReasonKey] as string;

    /// <summary>The offending request fields, in the order they were found.</summary>
    public IReadOnlyList<FieldViolation> Violations
    {
        get
        {
            var found = new List<(string Key, FieldViolation Violation)>();
            foreach (DictionaryEntry entry in Data)
            {
                if (entry.Key is string key && key.StartsWith(ViolationPrefix, StringComparison.Ordinal) && entry.Value is string description)
                {
                    var rest = key[ViolationPrefix.Length..];
                    var dot = rest.IndexOf('.', StringComparison.Ordinal);
                    found.Add((rest, new FieldViolation(rest[(dot + 1)..], description)));
                }
            }

            return found.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Violation).ToList();
        }
    }

    /// <summary>Machine-readable details of the failure (for example the next free slot), as key–value pairs.</summary>
    public IReadOnlyDictionary<string, string> Details
    {
        get
        {
            var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in Data)
            {
                if (entry.Key is string key && key.StartsWith(DetailPrefix, StringComparison.Ordinal) && entry.Value is string value)
                {
                    details[key[DetailPrefix.Length..]] = value;
                }
            }

            return details;
        }
    }

    /// <summary>
    /// The same error with its field violations under other names: a rule written for one request (SetStaffing's
    /// <c>advisors</c>) reports under the field of the request that used it (SimulateOpenOffice's <c>staff</c>).
    /// </summary>
    public PlaneringException WithFieldsRenamed(Func<string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        var violations = Violations.Select(v => new FieldViolation(rename(v.Field), v.Description)).ToList();
        var message = violations.Count > 0 ? string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")) : Message;
        return new PlaneringException(Code, message, Reason, violations, Details.Count > 0 ? Details : null);
    }

    /// <summary>
    /// An unknown id, with reason <c>HUVUDMAN_NOT_FOUND</c>, <c>OFFICE_NOT_FOUND</c> and so on, and the id in the details,
    /// so a caller can tell which of the ids it sent is unknown without parsing the message.
    /// </summary>
    public static PlaneringException NotFound(string what, string id)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(id);
        var shown = id.Length <= MaxEchoedId ? id : $"{id[..MaxEchoedId]}…";
        var reason = $"{what.ToUpperInvariant().Replace(' ', '_')}_NOT_FOUND";
        return new(ErrorCode.NotFound, $"{what} '{shown}' does not exist", reason, details: new Dictionary<string, string> { ["id"] = shown });
    }

    public static PlaneringException Invalid(string field, string description) =>
        new(ErrorCode.InvalidArgument, $"{field}: {description}", violations: [new FieldViolation(field, description)]);
}
