using System.Text.Json;
using Google.Api;
using Google.Protobuf.Reflection;
using Planering.Contracts.V1;

namespace Planering.Gateway.Http;

/// <summary>
/// The OpenAPI 3.0 document of the HTTP/JSON API, written from the protos themselves: each method's
/// <c>google.api.http</c> rule gives its path and verb, its request and response messages the schemas. One source
/// (the protos), so the document cannot drift from what JSON transcoding serves. Client-streaming methods have no HTTP
/// rule (transcoding cannot carry them) and are left out; server-streaming ones answer newline-delimited JSON.
/// </summary>
public static class OpenApiDocument
{
    /// <summary>Where the gateway serves the document (docs/http-api.md).</summary>
    public const string Path = "/openapi/v1.json";

    private static readonly FileDescriptor[] Files =
        [RegistryReflection.Descriptor, SchedulingReflection.Descriptor, PlanningReflection.Descriptor, ForecastReflection.Descriptor];

    private static readonly Lazy<byte[]> Document = new(Write);

    /// <summary>The document as UTF-8 JSON (computed once: the protos do not change while the process runs).</summary>
    public static byte[] Utf8 => Document.Value;

    private static byte[] Write()
    {
        var schemas = new SortedDictionary<string, MessageDescriptor>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("openapi", "3.0.3");
            json.WriteStartObject("info");
            json.WriteString("title", "Planering HTTP/JSON API");
            json.WriteString("version", "v1");
            json.WriteString("description",
                "The gRPC API (package planering.v1) over HTTP/1.1 and JSON by gRPC JSON transcoding: the same methods, roles, checks and errors. " +
                "Send a bearer token from mint-token (or your identity provider) in the Authorization header. An error answers google.rpc.Status as JSON " +
                "(code, message, details with the offending fields). Fields use the protos' JSON names (lowerCamelCase); int64 values are strings. " +
                "A server-streaming method answers newline-delimited JSON, one message per line. ImportHuvudman (client streaming) is gRPC only.");
            json.WriteEndObject();
            json.WriteStartArray("security");
            json.WriteStartObject();
            json.WriteStartArray("bearer");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("paths");
            var operations = Files.SelectMany(f => f.Services).SelectMany(s => s.Methods)
                .Select(m => (Method: m, Rule: m.GetOptions()?.GetExtension(AnnotationsExtensions.Http)))
                .Where(m => m.Rule is not null)
                .Select(m => (m.Method, Rule: m.Rule!, Verb: Verb(m.Rule!), Template: Template(m.Rule!)))
                .GroupBy(m => m.Template, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var path in operations)
            {
                json.WriteStartObject(path.Key);
                foreach (var (method, rule, verb, template) in path)
                {
                    WriteOperation(json, method, rule, verb, template, schemas);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();

            json.WriteStartObject("components");
            json.WriteStartObject("securitySchemes");
            json.WriteStartObject("bearer");
            json.WriteString("type", "http");
            json.WriteString("scheme", "bearer");
            json.WriteString("bearerFormat", "JWT");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("schemas");
            var written = new HashSet<string>(StringComparer.Ordinal);
            while (schemas.Keys.FirstOrDefault(k => !written.Contains(k)) is { } name)
            {
                written.Add(name);
                WriteSchema(json, schemas[name], schemas);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteOperation(Utf8JsonWriter json, MethodDescriptor method, HttpRule rule, string verb, string template, SortedDictionary<string, MessageDescriptor> schemas)
    {
        json.WriteStartObject(verb);
        json.WriteString("operationId", $"{method.Service.Name}_{method.Name}");
        json.WriteStartArray("tags");
        json.WriteStringValue(method.Service.Name);
        json.WriteEndArray();
        json.WriteString("summary", $"planering.v1.{method.Service.Name}/{method.Name}");

        var pathFields = PathFields(template);
        var bodyFields = rule.Body == "*" ? method.InputType.Fields.InDeclarationOrder().Where(f => !pathFields.Contains(f.Name)).ToList() : [];
        json.WriteStartArray("parameters");
        foreach (var field in pathFields)
        {
            json.WriteStartObject();
            json.WriteString("name", field);
            json.WriteString("in", "path");
            json.WriteBoolean("required", true);
            json.WriteStartObject("schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (rule.Body != "*")
        {
            foreach (var field in method.InputType.Fields.InDeclarationOrder().Where(f => !pathFields.Contains(f.Name) && f.FieldType != FieldType.Message))
            {
                json.WriteStartObject();
                json.WriteString("name", field.JsonName);
                json.WriteString("in", "query");
                json.WriteBoolean("required", false);
                json.WritePropertyName("schema");
                WriteFieldSchema(json, field, schemas);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();

        if (bodyFields.Count > 0)
        {
            json.WriteStartObject("requestBody");
            json.WriteBoolean("required", true);
            json.WriteStartObject("content");
            json.WriteStartObject("application/json");
            json.WriteStartObject("schema");
            json.WriteString("$ref", Reference(method.InputType, schemas));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", method.IsServerStreaming
            ? $"A stream of {method.OutputType.Name} messages as newline-delimited JSON (one per line), until the call ends"
            : method.OutputType.Name);
        json.WriteStartObject("content");
        json.WriteStartObject("application/json");
        json.WriteStartObject("schema");
        json.WriteString("$ref", Reference(method.OutputType, schemas));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        WriteError(json, "400", "INVALID_ARGUMENT: a field is wrong; details name it (google.rpc.BadRequest)");
        WriteError(json, "401", "No usable bearer token");
        WriteError(json, "403", "The token lacks a role this method needs");
        WriteError(json, "default", "Any other gRPC status as google.rpc.Status");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, string status, string description)
    {
        json.WriteStartObject(status);
        json.WriteString("description", description);
        json.WriteEndObject();
    }

    private static void WriteSchema(Utf8JsonWriter json, MessageDescriptor message, SortedDictionary<string, MessageDescriptor> schemas)
    {
        json.WriteStartObject(message.FullName);
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            json.WritePropertyName(field.JsonName);
            WriteFieldSchema(json, field, schemas);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFieldSchema(Utf8JsonWriter json, FieldDescriptor field, SortedDictionary<string, MessageDescriptor> schemas)
    {
        json.WriteStartObject();
        if (field.IsMap)
        {
            json.WriteString("type", "object");
            json.WritePropertyName("additionalProperties");
            WriteFieldSchema(json, field.MessageType.FindFieldByNumber(2), schemas);
        }
        else if (field.IsRepeated)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteScalar(json, field, schemas);
            json.WriteEndObject();
        }
        else
        {
            WriteScalar(json, field, schemas);
        }

        json.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter json, FieldDescriptor field, SortedDictionary<string, MessageDescriptor> schemas)
    {
        switch (field.FieldType)
        {
            case FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp":
                json.WriteString("type", "string");
                json.WriteString("format", "date-time");
                break;
            case FieldType.Message:
                json.WriteString("$ref", Reference(field.MessageType, schemas));
                break;
            case FieldType.Enum:
                json.WriteString("type", "string");
                json.WriteStartArray("enum");
                foreach (var value in field.EnumType.Values)
                {
                    json.WriteStringValue(value.Name);
                }

                json.WriteEndArray();
                break;
            case FieldType.Bool:
                json.WriteString("type", "boolean");
                break;
            case FieldType.Double or FieldType.Float:
                json.WriteString("type", "number");
                break;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32:
                json.WriteString("type", "integer");
                json.WriteString("format", "int32");
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64:
                json.WriteString("type", "string");
                json.WriteString("format", "int64");
                break;
            case FieldType.Bytes:
                json.WriteString("type", "string");
                json.WriteString("format", "byte");
                break;
            default:
                json.WriteString("type", "string");
                break;
        }
    }

    private static string Reference(MessageDescriptor message, SortedDictionary<string, MessageDescriptor> schemas)
    {
        schemas.TryAdd(message.FullName, message);
        return $"#/components/schemas/{message.FullName}";
    }

    private static string Verb(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => "get",
        HttpRule.PatternOneofCase.Post => "post",
        HttpRule.PatternOneofCase.Put => "put",
        HttpRule.PatternOneofCase.Delete => "delete",
        HttpRule.PatternOneofCase.Patch => "patch",
        _ => "post",
    };

    private static string Template(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        _ => rule.Custom.Path,
    };

    /// <summary>The field names a path template binds: <c>{office_id}</c> in <c>/v1/offices/{office_id}</c>.</summary>
    private static List<string> PathFields(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{([a-z_.]+)(=[^}]*)?\}").Select(m => m.Groups[1].Value).ToList();
}
