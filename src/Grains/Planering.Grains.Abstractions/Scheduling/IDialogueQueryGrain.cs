namespace Planering.Grains.Scheduling;

/// <summary>Lists dialogues across every office, in (office, date, start, id) order (a stateless worker, key 0).</summary>
[Alias("planering.IDialogueQueryGrain")]
public interface IDialogueQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<DialoguePage> ListAsync(DialogueFilter filter, int pageSize, string? pageToken);
}
