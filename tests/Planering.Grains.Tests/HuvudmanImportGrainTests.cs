using Planering.Domain.Errors;
using Planering.Domain.Registry;
using Planering.Grains.Hosting;
using Planering.Grains.Registry;
using ErrorCode = Planering.Domain.Errors.ErrorCode;

namespace Planering.Grains.Tests;

/// <summary>
/// The register import on the real grains and SQLite storage, with writes failed on purpose: before its commit an import
/// shows nothing; after its commit it shows whole even where a part's write failed, and a retry finishes it.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class HuvudmanImportGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private IHuvudmanImportGrain Import => Grains.GetGrain<IHuvudmanImportGrain>(GrainKeys.Sweden);

    private static HuvudmanImportRow Row(string number, string kommunkod, int pupils = 50) =>
        new(number, new HuvudmanUpsert($"Importskolan {number} AB", HuvudmanType.Independent, kommunkod, null, pupils, false));

    private async Task<bool> ListedAsync(string kommunkod, string number) =>
        (await Grains.GetGrain<IHuvudmanIndexGrain>(kommunkod).ListAsync(new HuvudmanFilter(null, null, null, null), null, int.MaxValue))
        .Items.Any(i => i.Huvudman.OrganisationNumber == number);

    private async Task<HuvudmanRecord?> FindAsync(string number)
    {
        try
        {
            return await Grains.GetGrain<IHuvudmanGrain>(number).GetAsync();
        }
        catch (PlaneringException missing) when (missing.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_failed_commit_shows_nothing_and_the_retry_imports_everything()
    {
        var (a, b) = (TestKeys.OrganisationNumber(), TestKeys.OrganisationNumber());
        var rows = new[] { Row(a, "0114"), Row(b, "2523") };
        var id = $"test-{Guid.NewGuid():N}";

        // The import grain's next write is its commit: it fails, so the staged parts in the shards stay hidden.
        FaultInjectingStorage.FailWrite(Import.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => Import.ImportAsync(id, rows, dryRun: false));

        Assert.False(await ListedAsync("0114", a));
        Assert.False(await ListedAsync("2523", b));
        Assert.Null(await FindAsync(a));

        var retry = await Import.ImportAsync(id, rows, dryRun: false);

        Assert.Equal((2, 0, 0), (retry.New, retry.Changed, retry.Unchanged));
        Assert.True(await ListedAsync("0114", a));
        Assert.True(await ListedAsync("2523", b));
        Assert.Equal("2523", (await FindAsync(b))!.Kommunkod);
    }

    [Fact]
    public async Task A_part_that_fails_after_the_commit_still_shows_and_the_retry_finishes_it()
    {
        var (a, b) = (TestKeys.OrganisationNumber(), TestKeys.OrganisationNumber());
        var rows = new[] { Row(a, "1481"), Row(b, "1482") };
        var id = $"test-{Guid.NewGuid():N}";

        // Kommun 1482's shard: its first write stores the staged part, its second (applying the committed part) fails.
        FaultInjectingStorage.FailWrite(Grains.GetGrain<IHuvudmanIndexGrain>("1482").GetGrainId(), 2);
        await Assert.ThrowsAnyAsync<Exception>(() => Import.ImportAsync(id, rows, dryRun: false));

        // Committed: every reader sees the whole import, the shard whose write failed included.
        Assert.True(await ListedAsync("1481", a));
        Assert.True(await ListedAsync("1482", b));
        Assert.NotNull(await FindAsync(b));

        // The same rows again: the unfinished run is finished first, then every row compares unchanged.
        var again = await Import.ImportAsync(id, rows, dryRun: false);
        Assert.Equal((0, 0, 2, true), (again.New, again.Changed, again.Unchanged, again.Replayed));
        Assert.True(await ListedAsync("1482", b));
        var listed = (await Grains.GetGrain<IHuvudmanIndexGrain>("1482").ListAsync(new HuvudmanFilter(null, null, null, null), null, int.MaxValue)).Items;
        Assert.Single(listed, i => i.Huvudman.OrganisationNumber == b);
    }

    [Fact]
    public async Task An_imported_huvudman_reads_its_profile_from_its_bucket_after_a_deactivation()
    {
        var number = TestKeys.OrganisationNumber();
        await Import.ImportAsync($"test-{Guid.NewGuid():N}", [Row(number, "1980", pupils: 77)], dryRun: false);

        // No huvudman grain was written: a fresh activation finds its profile in the import's bucket.
        var management = Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);

        var stored = await FindAsync(number);
        Assert.NotNull(stored);
        Assert.Equal((77, "1980"), (stored.Pupils, stored.Kommunkod));
    }
}
