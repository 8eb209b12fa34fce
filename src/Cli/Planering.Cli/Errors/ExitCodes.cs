using Grpc.Core;

namespace Planering.Cli.Errors;

/// <summary>
/// The process exit codes, so scripts can tell a typo from a missing huvudman from a full calendar from a server
/// that is down without parsing text.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Other = 1;
    public const int InvalidInput = 2;
    public const int NotFound = 3;
    public const int Refused = 4;
    public const int Unavailable = 5;
    public const int NotAllowed = 6;

    public static int For(StatusCode status) => status switch
    {
        StatusCode.OK => Success,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => InvalidInput,
        StatusCode.NotFound => NotFound,
        StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists => Refused,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => Unavailable,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => NotAllowed,
        _ => Other,
    };
}
