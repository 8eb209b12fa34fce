using Google.Rpc;
using Grpc.Core;
using Planering.Contracts.V1;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Gateway.Tests;

/// <summary>RegistryService.ImportHuvudman over real gRPC: checked whole, applied whole, idempotent, bounded.</summary>
[Collection(SharedApi.Name)]
public sealed class HuvudmanImportApiTests(ApiFixture api)
{
    private static int _next = Random.Shared.Next(0, 400_000);

    private static string NewOrganisationNumber() => OrganisationNumber.FromNineDigits($"93{Interlocked.Increment(ref _next):D7}").Value;

    private static UpsertHuvudmanRequest Row(string kommunkod = "1980", int pupils = 120) =>
        new() { OrganisationNumber = NewOrganisationNumber(), Name = $"Importskolan {_next} AB", Type = HuvudmanType.Independent, Kommunkod = kommunkod, Pupils = pupils };

    private Task<ImportHuvudmanResponse> ImportAsync(bool dryRun, params UpsertHuvudmanRequest[][] messages) =>
        Streams.SendAsync(api.Registry.ImportHuvudman(), messages.Select((rows, i) => new ImportHuvudmanRequest { DryRun = dryRun && i == 0, Rows = { rows } }).ToArray());

    private async Task<Huvudman?> FindAsync(string number)
    {
        try
        {
            return await api.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number });
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_register_with_bad_rows_is_refused_whole_naming_every_bad_row()
    {
        var good = Row();
        var unknownKommun = Row(kommunkod: "9999");
        var negative = Row(pupils: -5);
        var wrongDigit = Row();
        wrongDigit.OrganisationNumber = wrongDigit.OrganisationNumber[..9] + (char)('0' + ((wrongDigit.OrganisationNumber[9] - '0' + 1) % 10));

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(false, [good, unknownKommun], [negative, wrongDigit]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["rows[1].kommunkod", "rows[2].pupils", "rows[3].organisation_number"], fields);
        Assert.Contains("3 of 4 rows cannot be imported; nothing was written", error.Status.Detail, StringComparison.Ordinal);
        Assert.Null(await FindAsync(good.OrganisationNumber));
        Assert.Null(await FindAsync(negative.OrganisationNumber));
    }

    [Fact]
    public async Task A_dry_run_counts_and_writes_nothing()
    {
        var rows = new[] { Row(), Row() };

        var dry = await ImportAsync(true, rows);

        Assert.True(dry.DryRun);
        Assert.Equal((2, 2, 0, 0), (dry.Rows, dry.NewRows, dry.ChangedRows, dry.UnchangedRows));
        Assert.Null(await FindAsync(rows[0].OrganisationNumber));
        var listed = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Kommunkod = "1980", PageSize = 1000 });
        Assert.DoesNotContain(listed.Huvudman, h => h.OrganisationNumber == rows[1].OrganisationNumber);
    }

    [Fact]
    public async Task An_import_shows_whole_with_offices_and_a_replay_writes_nothing()
    {
        var placed = Row(kommunkod: "2480");
        placed.Position = new GeoPoint { Latitude = 63.83, Longitude = 20.26 };
        var rows = new[] { placed, Row(), Row(kommunkod: "0180") };

        var first = await ImportAsync(false, rows[..2], rows[2..]);

        Assert.Equal((3, 3, 0, 0, false), (first.Rows, first.NewRows, first.ChangedRows, first.UnchangedRows, first.Replayed));
        Assert.Equal(64, first.ImportId.Length);
        var stored = await FindAsync(placed.OrganisationNumber);
        Assert.NotNull(stored);
        Assert.Equal(placed.Name, stored.Name);
        Assert.Equal(63.83, stored.Position.Latitude, 6);
        Assert.NotEmpty(stored.OfficeId);
        var listed = await api.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Kommunkod = "0180", PageSize = 1000 });
        Assert.NotEmpty(Assert.Single(listed.Huvudman, h => h.OrganisationNumber == rows[2].OrganisationNumber).OfficeId);

        var replay = await ImportAsync(false, rows[..2], rows[2..]);

        Assert.Equal((first.ImportId, 0, 0, 3, true), (replay.ImportId, replay.NewRows, replay.ChangedRows, replay.UnchangedRows, replay.Replayed));
        Assert.Equal(stored.UpdatedAt, (await FindAsync(placed.OrganisationNumber))!.UpdatedAt);

        // A changed row is an update; the rest stay untouched.
        var changed = rows.Select(r => r.Clone()).ToArray();
        changed[1].Pupils = 999;
        var update = await ImportAsync(false, changed);
        Assert.Equal((0, 1, 2, false), (update.NewRows, update.ChangedRows, update.UnchangedRows, update.Replayed));
        Assert.Equal(999, (await FindAsync(rows[1].OrganisationNumber))!.Pupils);
        Assert.Equal(stored.UpdatedAt, (await FindAsync(placed.OrganisationNumber))!.UpdatedAt);
    }

    [Fact]
    public async Task Too_many_rows_in_a_message_or_a_message_over_the_size_limit_is_a_clear_refusal()
    {
        var tooMany = Enumerable.Range(0, 5_001).Select(_ => Row()).ToArray();
        var perMessage = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(false, tooMany));
        Assert.Equal(StatusCode.InvalidArgument, perMessage.StatusCode);
        var violation = Assert.Single(perMessage.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("rows", violation.Field);
        Assert.Contains("send at most 5000 per message", violation.Description, StringComparison.Ordinal);

        // A whole register of 100,000 rows in one message is over the 4 MiB message limit: gRPC refuses it before the service.
        var register = Enumerable.Range(0, 100_000).Select(_ => Row()).ToArray();
        var oversized = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(false, register));
        Assert.Equal(StatusCode.ResourceExhausted, oversized.StatusCode);
        Assert.Contains("exceeds the maximum configured message size", oversized.Status.Detail, StringComparison.Ordinal);
        Assert.Null(await FindAsync(register[0].OrganisationNumber));
    }
}
