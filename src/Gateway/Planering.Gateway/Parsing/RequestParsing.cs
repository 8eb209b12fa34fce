using System.Buffers;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Planering.Domain.Errors;
using Planering.Gateway.Errors;
using ErrorCode = Planering.Domain.Errors.ErrorCode;

namespace Planering.Gateway.Parsing;

/// <summary>
/// Turns a request body that is not a valid message of the method into INVALID_ARGUMENT. grpc-dotnet deserialises the
/// request before any interceptor runs, so an exception there would reach the caller as UNKNOWN "Exception was thrown
/// by handler."; the request marshaller is the only place that sees it. Google.Protobuf refuses a string that is not
/// valid UTF-8 (a lone surrogate, a stray continuation byte) without naming it, so the raw bytes are walked once more
/// to name the field, as every other refusal does.
/// </summary>
public static partial class RequestParsing
{
    public const string MalformedReason = "MALFORMED_REQUEST";
    public const string InvalidUtf8Reason = "INVALID_UTF8";

    /// <summary>How deep nested messages are followed when checking strings; Google.Protobuf's own recursion limit.</summary>
    private const int MaxDepth = 100;

    /// <summary>
    /// The method's request marshaller wrapped so that a body that does not parse, or holds a string that is not
    /// UTF-8, is refused with INVALID_ARGUMENT (logged once, at Information) before the service sees it.
    /// </summary>
    public static Marshaller<TRequest> Checked<TRequest>(Marshaller<TRequest> inner, MessageDescriptor? descriptor, string method, ILogger logger)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new Marshaller<TRequest>(inner.ContextualSerializer, (DeserializationContext context) =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException exception)
            {
                // Google.Protobuf refuses a string that is not UTF-8 without saying which; find it, to name the field.
                if (descriptor is not null && InvalidUtf8Field(descriptor, context.PayloadAsReadOnlySequence().ToArray()) is { } field)
                {
                    throw Refuse(logger, method, new PlaneringException(
                        ErrorCode.InvalidArgument,
                        $"{field}: is not valid UTF-8",
                        InvalidUtf8Reason,
                        [new FieldViolation(field, "is not valid UTF-8 (protobuf strings must be)")]));
                }

                throw Refuse(logger, method, new PlaneringException(
                    ErrorCode.InvalidArgument,
                    $"the request is not a valid {descriptor?.FullName ?? "message"} (protobuf): {exception.Message}",
                    MalformedReason));
            }
        });
    }

    /// <summary>The path of the first string field (e.g. <c>slot.office_id</c>, <c>office_ids[1]</c>) whose bytes are not UTF-8.</summary>
    public static string? InvalidUtf8Field(MessageDescriptor descriptor, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return InvalidUtf8Field(descriptor, ByteString.CopyFrom(payload), string.Empty, 0);
    }

    private static string? InvalidUtf8Field(MessageDescriptor descriptor, ByteString payload, string prefix, int depth)
    {
        try
        {
            return Walk(descriptor, payload, prefix, depth);
        }
        catch (InvalidProtocolBufferException)
        {
            // Broken before any bad string was reached: the body is malformed, not merely mis-encoded.
            return null;
        }
    }

    private static string? Walk(MessageDescriptor descriptor, ByteString payload, string prefix, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var input = payload.CreateCodedInput();
        var seen = new Dictionary<int, int>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            if (field is null || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited
                || field.FieldType is not (FieldType.String or FieldType.Message))
            {
                input.SkipLastField();
                continue;
            }

            var index = seen.GetValueOrDefault(field.FieldNumber);
            seen[field.FieldNumber] = index + 1;
            var path = field.IsRepeated && !field.IsMap ? $"{prefix}{field.Name}[{index}]" : prefix + field.Name;
            var bytes = input.ReadBytes();
            if (field.FieldType == FieldType.String)
            {
                if (!Utf8.IsValid(bytes.Span))
                {
                    return path;
                }
            }
            else if (Walk(field.MessageType, bytes, $"{path}.", depth + 1) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static RpcException Refuse(ILogger logger, string method, PlaneringException error)
    {
        LogRefused(logger, method, error.Message);
        return ErrorMappingInterceptor.ToRpcException(error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method}: refused a request that does not parse: {Problem}")]
    private static partial void LogRefused(ILogger logger, string method, string problem);
}
