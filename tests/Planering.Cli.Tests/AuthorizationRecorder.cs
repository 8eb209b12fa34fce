using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Planering.Cli.Tests;

/// <summary>
/// Remembers the authorization header of the last call the test host served. The host checks no token yet, so this
/// is how a test sees that <c>--token</c> really travels as <c>authorization: Bearer …</c>.
/// </summary>
public sealed class AuthorizationRecorder : Interceptor
{
    private static string? _last;

    public static string? Last => Volatile.Read(ref _last);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Volatile.Write(ref _last, context.RequestHeaders.GetValue("authorization"));
        return continuation(request, context);
    }
}
