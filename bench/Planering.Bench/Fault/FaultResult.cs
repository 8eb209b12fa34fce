using System.Globalization;
using System.Text;
using Grpc.Core;
using Planering.Bench.Reporting;

namespace Planering.Bench.Fault;

/// <summary>One fault run's attempts and check, and how they read: per second, and against the targets.</summary>
internal sealed record FaultResult(
    FaultKind Kind, FaultPlan Plan, string Victim, int OfficesOnVictim, IReadOnlyList<Attempt> Attempts, IReadOnlyList<bool> ProbeOnVictim,
    double FaultAt, double GoneAt, double? DeclaredDeadAfter, double RestartAt, double ServingAt, double EndAt, FaultCheck Check)
{
    /// <summary>The issue's target: after a crash every grain answers again within this.</summary>
    public static readonly TimeSpan RecoveryTarget = TimeSpan.FromSeconds(5);

    private IEnumerable<Attempt> After(double from, double to) => Attempts.Where(a => a.End >= from && a.End < to);

    /// <summary>Attempts that ended after the fault and began before the restart: the fault's own consequences.</summary>
    private IEnumerable<Attempt> AcrossFault => Attempts.Where(a => a.End >= FaultAt && a.Start < RestartAt);

    /// <summary>Failed attempts that ended after the fault and began before the restart.</summary>
    public IReadOnlyList<Attempt> FailedAfterFault => AcrossFault.Where(a => a.Failed).ToList();

    /// <summary>Failed attempts that began from the restart on.</summary>
    public IReadOnlyList<Attempt> FailedAfterRestart => Attempts.Where(a => a.Start >= RestartAt && a.Failed).ToList();

    /// <summary>Failed probes of grains that were active on the surviving silo at the fault.</summary>
    public int SurvivorProbeFailures => FailedAfterFault.Count(a => a.Probe >= 0 && !ProbeOnVictim[a.Probe]);

    /// <summary>From the fault to the end of the last failed attempt before the restart: the time until everything answered again.</summary>
    public double ServedAgainAfter(Func<Attempt, bool> which) =>
        FailedAfterFault.Where(which).Select(a => a.End - FaultAt).DefaultIfEmpty(0).Max();

    public Attempt LongestCall => Attempts.Where(a => a.End >= FaultAt).MaxBy(a => a.Duration)!;

    public bool MeetsTarget => Kind == FaultKind.Kill
        ? SurvivorProbeFailures == 0 && ServedAgainAfter(_ => true) <= RecoveryTarget.TotalSeconds && Check.Holds
        : FailedAfterFault.Count == 0 && FailedAfterRestart.Count == 0 && Check.Holds;

    public string Render()
    {
        var text = new StringBuilder();
        var victimProbes = ProbeOnVictim.Count(v => v);
        text.AppendLine(Invariant($"**{(Kind == FaultKind.Kill ? "SIGKILL" : "SIGTERM")} of {Victim}**, the silo holding the first caller's office calendar, at t = 0 ({Plan.Callers} booking callers, one office each, {OfficesOnVictim} of them on {Victim}; {ProbeOnVictim.Count} probed huvudman grains: {ProbeOnVictim.Count - victimProbes} on the survivor, {victimProbes} on {Victim}). ")
            + Invariant($"{(Kind == FaultKind.Kill ? "The process was gone at once" : Invariant($"It had shut down and exited after {GoneAt - FaultAt:F1} s"))}; restarted at t = {RestartAt - FaultAt:F1} s, serving again {ServingAt - RestartAt:F1} s later; load until t = {EndAt - FaultAt:F1} s."));
        text.AppendLine();
        text.AppendLine("| t (s) | bookings acknowledged | booking calls failed | probes failed: survivor's grains | probes failed: victim's grains | longest call ended (s) |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|");
        var first = (int)Math.Floor(Math.Max(0, FaultAt - 3) - FaultAt);
        var last = (int)Math.Ceiling(EndAt - FaultAt);
        for (var second = first; second < last; second++)
        {
            var ended = After(FaultAt + second, FaultAt + second + 1).ToList();
            if (ended.Count == 0)
            {
                text.AppendLine(Invariant($"| {second} | 0 | | 0 | 0 | |"));
                continue;
            }

            var bookingFailures = ended.Where(a => a.Probe < 0 && a.Failed).GroupBy(a => a.Status).OrderBy(g => g.Key)
                .Select(g => Invariant($"{g.Count()} {Status(g.Key)}"));
            text.AppendLine(Invariant(
                $"| {second} | {ended.Count(a => a.Operation == "BookDialogue" && a.Status == StatusCode.OK)} | {string.Join(", ", bookingFailures)} | {ended.Count(a => a.Probe >= 0 && a.Failed && !ProbeOnVictim[a.Probe])} | {ended.Count(a => a.Probe >= 0 && a.Failed && ProbeOnVictim[a.Probe])} | {ended.Max(a => a.Duration):F2} |"));
        }

        text.AppendLine();
        var byStatus = FailedAfterFault.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => Invariant($"{g.Count()} {Status(g.Key)}")).ToList();
        var longest = LongestCall;
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| calls failed across the fault (ended after it, began before the restart) | {FailedAfterFault.Count} of {AcrossFault.Count()} ({(byStatus.Count == 0 ? "none" : string.Join(", ", byStatus))}) |"));
        text.AppendLine(Invariant($"| first death vote against {Victim} in the membership table | {(DeclaredDeadAfter is { } after ? Invariant($"{after:F1} s after the fault") : "none: it left the cluster itself")} |"));
        text.AppendLine(Invariant($"| failed reads of grains on the surviving silo | {SurvivorProbeFailures} |"));
        text.AppendLine(Invariant($"| every probed grain answered again after | {ServedAgainAfter(a => a.Probe >= 0):F1} s |"));
        text.AppendLine(Invariant($"| booking calls answered again after | {ServedAgainAfter(a => a.Probe < 0):F1} s |"));
        text.AppendLine(Invariant($"| longest single call across the fault | {longest.Duration:F2} s ({longest.Operation}, {Status(longest.Status)}) |"));
        text.AppendLine(Invariant($"| calls begun from the restart on that failed | {FailedAfterRestart.Count} |"));
        text.AppendLine(Invariant($"| bookings acknowledged / in the offices' calendars exactly once | {Check.Acknowledged} / {Check.ExactlyOnce} (missing {Check.Missing}, doubled {Check.Duplicated}; huvudman lists disagreeing {Check.HuvudmanListsDisagreeing}; held but never acknowledged {Check.UnacknowledgedHeld}, requests left unanswered {Check.Unanswered}) |"));
        text.AppendLine(Kind == FaultKind.Kill
            ? Invariant($"| target: the survivor's grains keep answering, every grain again within {RecoveryTarget.TotalSeconds:F0} s, nothing acknowledged lost | {Figures.Verdict(MeetsTarget)} |")
            : Invariant($"| target: no call fails at all, nothing acknowledged lost | {Figures.Verdict(MeetsTarget)} |"));
        return text.ToString();
    }

    private static string Status(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.Aborted => "ABORTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unknown => "UNKNOWN",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
