namespace Planering.Grains.Scheduling;

/// <summary>
/// A term proposal (key: its id), kept like a scenario: sandboxed (it reads the live calendars and books nothing), it
/// expires, and its commit books every proposed dialogue through the office grains under request ids derived from the
/// proposal and the huvudman, so a commit again books nothing twice.
/// </summary>
[Alias("planering.IScheduleProposalGrain")]
public interface IScheduleProposalGrain : IGrainWithGuidKey
{
    /// <summary>Fixes what the proposal covers (the offices resolved: all when none named); AlreadyExists when started before.</summary>
    [Alias("Start")]
    Task<ScheduleProposalRecord> StartAsync(ScheduleProposalSpec spec);

    /// <summary>Schedules one office of the proposal (one call per office keeps each call short; a caller streams progress between).</summary>
    [Alias("ScheduleOffice")]
    [ResponseTimeout("00:02:00")]
    Task<OfficeTermRecord> ScheduleOfficeAsync(string officeId, CancellationToken cancellationToken = default);

    /// <summary>The proposal as kept; NotFound when never started.</summary>
    [Alias("Get"), ReadOnly]
    Task<ScheduleProposalRecord> GetAsync();

    /// <summary>Books the proposal (see the interface remarks); RuleViolation when expired or not fully scheduled.</summary>
    [Alias("Commit")]
    [ResponseTimeout("00:10:00")]
    Task<ScheduleCommitRecord> CommitAsync();
}
