using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Planering.Gateway.Http;

/// <summary>How gRPC JSON transcoding serves the API over HTTP/JSON (docs/http-api.md).</summary>
public static class HttpApi
{
    public static void Configure(GrpcJsonTranscodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // An error's details (the offending fields, the reason, when to retry) are Any messages: transcoding writes them
        // as JSON only for types it can look up here.
        options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, ErrorInfo.Descriptor, RetryInfo.Descriptor);
    }
}
