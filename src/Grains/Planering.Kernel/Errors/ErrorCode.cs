namespace Planering.Domain.Errors;

/// <summary>What kind of failure a <see cref="PlaneringException"/> reports; the gateway maps each to one gRPC status.</summary>
public enum ErrorCode
{
    /// <summary>The request is malformed or a value is out of range (gRPC INVALID_ARGUMENT).</summary>
    InvalidArgument = 1,

    /// <summary>The addressed entity does not exist (gRPC NOT_FOUND).</summary>
    NotFound = 2,

    /// <summary>A business rule makes the request impossible now (gRPC FAILED_PRECONDITION).</summary>
    RuleViolation = 3,

    /// <summary>A concurrent change won; the caller may retry (gRPC ABORTED).</summary>
    Conflict = 4,

    /// <summary>The entity exists already and the request would create it again differently (gRPC ALREADY_EXISTS).</summary>
    AlreadyExists = 5,
}
