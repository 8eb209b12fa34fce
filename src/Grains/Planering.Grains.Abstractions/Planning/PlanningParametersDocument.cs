using System.Text.Json;
using System.Text.Json.Serialization;
using Planering.Domain.Parameters;

namespace Planering.Grains.Planning;

/// <summary>
/// The planning parameters as they cross grain calls and are stored: one JSON document of the domain record, so every
/// setting the domain gains travels and persists without a second list of fields to keep in step. Immutable, so a call
/// within a silo hands over the same instance and its parsed <see cref="Value"/> (no copy, no re-parse).
/// </summary>
[GenerateSerializer, Immutable, Alias("planering.PlanningParametersDocument")]
public sealed class PlanningParametersDocument
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(), new ReadOnlySetConverter<DayOfWeek>() },
        WriteIndented = false,

        // A proposed set may hold NaN or infinity; it must reach the validation that names the field, not fail here.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    [NonSerialized]
    private PlanningParameters? _value;

    public PlanningParametersDocument(string json) => JsonText = json;

    /// <summary>The domain record as JSON.</summary>
    [Id(0)] public string JsonText { get; }

    /// <summary>The version, without parsing the whole document twice.</summary>
    public long Version => Value.Version;

    /// <summary>The parameters (parsed once per instance).</summary>
    public PlanningParameters Value => _value ??= JsonSerializer.Deserialize<PlanningParameters>(JsonText, Json)
        ?? throw new InvalidOperationException("the stored planning parameters are empty");

    public static PlanningParametersDocument From(PlanningParameters parameters) =>
        new(JsonSerializer.Serialize(parameters, Json)) { _value = parameters };
}

/// <summary>System.Text.Json cannot create an <see cref="IReadOnlySet{T}"/>; this reads and writes it as a JSON array.</summary>
internal sealed class ReadOnlySetConverter<T> : JsonConverter<IReadOnlySet<T>>
{
    public override IReadOnlySet<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<T>>(ref reader, options) is { } items ? items.ToHashSet() : null;

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), options);
}
