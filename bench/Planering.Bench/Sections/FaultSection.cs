using System.Globalization;
using System.Text;
using Planering.Bench.Fault;
using Planering.Cluster.Tests;
using Planering.Gateway.Hosting;

namespace Planering.Bench.Sections;

/// <summary>
/// The fault benchmark (issue 19): a booking load through the stand-alone gateway on a two-silo PostgreSQL cluster,
/// the silo holding the booked office's calendar killed with SIGKILL and then started again; then the same with SIGTERM.
/// </summary>
public static class FaultSection
{
    public const string Title = "Fault: a silo killed (SIGKILL) or stopped (SIGTERM) under a booking load, then restarted";

    public static async Task<string> RunAsync(bool quick, TextWriter log)
    {
        var plan = quick ? FaultPlan.Quick : FaultPlan.Full;
        await using var postgres = await PostgresServer.StartAsync();
        var kill = await FaultScenario.RunAsync(postgres, FaultKind.Kill, plan, log);
        log.WriteLine(kill.Render());
        var term = await FaultScenario.RunAsync(postgres, FaultKind.Terminate, plan, log);
        log.WriteLine(term.Render());

        var settings = new PlaneringClusterOptions();
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Two silo processes and a stand-alone gateway (this process) on one throwaway PostgreSQL 15, as scripts/cluster-local.sh runs them, with the product's cluster settings: ProbeTimeout {settings.ProbeTimeout.TotalSeconds:F0} s, MissedProbesLimit {settings.MissedProbesLimit}, ResponseTimeout {settings.ResponseTimeout.TotalSeconds:F0} s, grain directory {settings.GrainDirectory}. "));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{plan.Callers} callers book through the gateway (FindNextSlot, then BookDialogue; UNAVAILABLE, DEADLINE_EXCEEDED and ABORTED without SLOT_TAKEN retried after 0.1–1 s with the same request_id; {FaultPlan.AttemptDeadline.TotalSeconds:F0} s deadline per attempt), "
            + $"and {plan.Probes} probe callers read one huvudman grain each every {FaultPlan.ProbePeriod.TotalMilliseconds:F0} ms. A row counts the calls that ended in that second after the fault; SLOT_TAKEN (another caller won the slot) is an answer, not a failure."));
        text.AppendLine();
        text.AppendLine(kill.Render());
        text.AppendLine(term.Render());
        return text.ToString();
    }
}
