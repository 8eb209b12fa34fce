namespace Planering.Grains.Registry;

/// <summary>Answers paged huvudman listings by walking the kommun shards in order (a stateless worker, key 0).</summary>
[Alias("planering.IHuvudmanQueryGrain")]
public interface IHuvudmanQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<HuvudmanPage> ListAsync(HuvudmanFilter filter, int pageSize, string? pageToken);
}
