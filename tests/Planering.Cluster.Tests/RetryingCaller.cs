using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;

namespace Planering.Cluster.Tests;

/// <summary>How a call ended for its caller.</summary>
internal enum Outcome
{
    /// <summary>The call succeeded.</summary>
    Ok,

    /// <summary>A definitive refusal: ABORTED with SLOT_TAKEN, or FAILED_PRECONDITION. Nothing was changed.</summary>
    Refused,

    /// <summary>No definitive answer within the budget, or an answer the API must never give; the ledger says which.</summary>
    Failed,
}

internal sealed record CallResult<T>(Outcome Outcome, T? Value, RpcException? Error, int Attempts);

/// <summary>
/// Every answer every call got, counted by method, status and reason, and the answers a caller must never see
/// (INTERNAL, UNKNOWN, any status outside the contract, or no definitive answer at all). Safe for concurrent callers.
/// </summary>
internal sealed class CallLedger
{
    private readonly ConcurrentDictionary<(string Method, StatusCode Status, string Reason), int> _answers = new();
    private readonly ConcurrentQueue<string> _violations = new();

    public IReadOnlyCollection<string> Violations => _violations;

    public void Record(string method, StatusCode status, string? reason) =>
        _answers.AddOrUpdate((method, status, reason ?? string.Empty), 1, (_, count) => count + 1);

    public void Violation(string description) => _violations.Enqueue(description);

    /// <summary>How many answers had one of <paramref name="statuses"/>.</summary>
    public int Count(params StatusCode[] statuses) => _answers.Where(a => statuses.Contains(a.Key.Status)).Sum(a => a.Value);

    public string Summary() => string.Join(Environment.NewLine, _answers
        .OrderBy(a => a.Key.Method, StringComparer.Ordinal).ThenBy(a => a.Key.Status).ThenBy(a => a.Key.Reason, StringComparer.Ordinal)
        .Select(a => $"  {a.Key.Method,-14} {a.Key.Status,-18} {a.Key.Reason,-12} {a.Value,5}"));
}

/// <summary>
/// A client that behaves as the API asks its callers to: a transient failure (UNAVAILABLE, DEADLINE_EXCEEDED, or
/// ABORTED without SLOT_TAKEN, i.e. a lost race on storage) is sent again, unchanged (for a booking: the same
/// request_id), after a short backoff, until the call gets a definitive answer or its time budget is spent.
/// </summary>
internal sealed class RetryingCaller(CallLedger ledger, TimeSpan attemptDeadline, TimeSpan budget)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);

    public async Task<CallResult<T>> CallAsync<T>(string method, Func<CallOptions, AsyncUnaryCall<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            RpcException error;
            try
            {
                var value = await call(new CallOptions(deadline: DateTime.UtcNow + attemptDeadline));
                ledger.Record(method, StatusCode.OK, null);
                return new CallResult<T>(Outcome.Ok, value, null, attempt);
            }
            catch (RpcException exception)
            {
                error = exception;
            }

            var reason = ReasonOf(error);
            ledger.Record(method, error.StatusCode, reason);
            switch (error.StatusCode)
            {
                case StatusCode.Aborted when reason == "SLOT_TAKEN":
                case StatusCode.FailedPrecondition:
                    return new CallResult<T>(Outcome.Refused, default, error, attempt);
                case StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted:
                    break;
                case StatusCode.Internal or StatusCode.Unknown:
                    // A failure of the service; its outcome is unknown, so the caller still retries to learn it.
                    ledger.Violation($"{method} answered {error.StatusCode}: {error.Status.Detail}");
                    break;
                default:
                    ledger.Violation($"{method} answered {error.StatusCode} ({reason}): {error.Status.Detail}");
                    return new CallResult<T>(Outcome.Failed, default, error, attempt);
            }

            if (Stopwatch.GetElapsedTime(started) + backoff > budget)
            {
                ledger.Violation($"{method} got no definitive answer in {attempt} attempts within {budget.TotalSeconds:F0} s; last {error.StatusCode}: {error.Status.Detail}");
                return new CallResult<T>(Outcome.Failed, default, error, attempt);
            }

            // Backoff between retries, not synchronisation: the caller waits as a real client would.
            await Task.Delay(backoff);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <summary>The google.rpc.ErrorInfo reason of a refusal, such as SLOT_TAKEN; null when there is none.</summary>
    public static string? ReasonOf(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
}
