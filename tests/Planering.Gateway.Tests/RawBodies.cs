using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Planering.Contracts.V1;

namespace Planering.Gateway.Tests;

/// <summary>
/// Request bodies no generated client can send: bytes that are not protobuf, and strings that are not UTF-8. Sent over a
/// real HTTP/2 gRPC call through a <see cref="Method{TRequest,TResponse}"/> of raw bytes.
/// </summary>
internal static class RawBodies
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>Every method of the four services, as (service/method, descriptor).</summary>
    public static IEnumerable<MethodDescriptor> AllMethods() =>
        new[] { RegistryService.Descriptor, SchedulingService.Descriptor, PlanningService.Descriptor, ForecastService.Descriptor }.SelectMany(s => s.Methods);

    /// <summary>Bodies that are not a protobuf message of any kind, with what is wrong with them.</summary>
    public static IEnumerable<(byte[] Body, string What)> NotProtobuf() =>
    [
        ([0x00], "tag zero"),
        ([0x0A, 0x05, 0x41], "a length past the end"),
        ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "a varint of eleven bytes"),
        ([0x0F], "wire type 7"),
    ];

    /// <summary>
    /// A body holding one string field whose bytes are a lone surrogate (U+D800 as CESU-8 writes it, which UTF-8
    /// forbids), or null when the request has no string field; and the field's name.
    /// </summary>
    public static (byte[] Body, string Field)? LoneSurrogate(MessageDescriptor request)
    {
        var field = request.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String);
        if (field is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(0xED, 0xA0, 0x80));
        output.Flush();
        return (buffer.ToArray(), field.IsRepeated ? $"{field.Name}[0]" : field.Name);
    }

    /// <summary>Calls <paramref name="method"/> with <paramref name="body"/> and reads the answer (the first message of a stream).</summary>
    public static async Task CallAsync(CallInvoker invoker, MethodDescriptor method, byte[] body)
    {
        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var raw = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        switch (type)
        {
            case MethodType.Unary:
                await invoker.AsyncUnaryCall(raw, null, options, body);
                break;
            case MethodType.ServerStreaming:
                using (var call = invoker.AsyncServerStreamingCall(raw, null, options, body))
                {
                    await call.ResponseStream.MoveNext(CancellationToken.None);
                }

                break;
            case MethodType.ClientStreaming:
                using (var call = invoker.AsyncClientStreamingCall(raw, null, options))
                {
                    await call.RequestStream.WriteAsync(body);
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseAsync;
                }

                break;
            default:
                using (var call = invoker.AsyncDuplexStreamingCall(raw, null, options))
                {
                    await call.RequestStream.WriteAsync(body);
                    await call.RequestStream.CompleteAsync();
                    await call.ResponseStream.MoveNext(CancellationToken.None);
                }

                break;
        }
    }
}
