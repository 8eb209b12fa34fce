using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Planering.Domain.Errors;
using ErrorCode = Planering.Domain.Errors.ErrorCode;
using Status = Google.Rpc.Status;

namespace Planering.Gateway.Errors;

/// <summary>
/// The one place where failures become gRPC statuses: <see cref="PlaneringException"/> by its code (field violations
/// as <c>google.rpc.BadRequest</c>, a reason as <c>google.rpc.ErrorInfo</c>), an unreachable cluster as UNAVAILABLE,
/// a concurrency conflict as ABORTED, anything else as INTERNAL without details.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, TimeProvider clock) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case PlaneringException planering:
                LogRefused(logger, context.Method, planering.Code, planering.Message);
                return ToRpcException(planering);
            case InconsistentStateException:
                return Simple(Code.Aborted, "a concurrent change won; retry the call");
            case OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException or TimeoutException:
                LogClusterUnavailable(logger, context.Method, exception);
                return Simple(Code.Unavailable, "the Planering cluster is not reachable; retry later");
            // The call's token fires when the client goes away or its deadline passes; grain calls given that token stop.
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return context.Deadline <= clock.GetUtcNow().UtcDateTime
                    ? Simple(Code.DeadlineExceeded, "the call's deadline passed before it finished")
                    : Simple(Code.Cancelled, "the call was cancelled");
            default:
                LogUnexpected(logger, context.Method, exception);
                return Simple(Code.Internal, "internal error");
        }
    }

    /// <summary>Builds the rich status for a Planering error.</summary>
    public static RpcException ToRpcException(PlaneringException exception)
    {
        var code = exception.Code switch
        {
            ErrorCode.InvalidArgument => Code.InvalidArgument,
            ErrorCode.NotFound => Code.NotFound,
            ErrorCode.RuleViolation => Code.FailedPrecondition,
            ErrorCode.Conflict => Code.Aborted,
            ErrorCode.AlreadyExists => Code.AlreadyExists,
            _ => Code.Internal,
        };
        var status = new Status { Code = (int)code, Message = exception.Message };
        var violations = exception.Violations;
        if (violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
            status.Details.Add(Any.Pack(badRequest));
        }

        if (exception.Reason is { } reason)
        {
            var info = new ErrorInfo { Reason = reason, Domain = GrpcStatusResponse.ErrorDomain };
            foreach (var (key, value) in exception.Details)
            {
                info.Metadata[key] = value;
            }

            status.Details.Add(Any.Pack(info));
        }

        return status.ToRpcException();
    }

    private static RpcException Simple(Code code, string message) => new Status { Code = (int)code, Message = message }.ToRpcException();

    // A caller's mistake or a rule's refusal is the caller's story, not the operator's: Information, once (grpc-dotnet's
    // own line for it is filtered out in GatewaySetup).
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method}: refused ({Code}): {Problem}")]
    private static partial void LogRefused(ILogger logger, string method, ErrorCode code, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: the cluster is unavailable")]
    private static partial void LogClusterUnavailable(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method}: unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}
