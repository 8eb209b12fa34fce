using Grpc.Core;
using Planering.Contracts.V1;

namespace Planering.Cli.Import;

/// <summary>
/// Sends a checked register to the server's batch import (<c>RegistryService.ImportHuvudman</c>), which checks every
/// row again by its own rules (the 290 kommuner, names, sizes), then applies the whole register atomically: all rows or
/// none. A row equal to the stored huvudman is not written, so a second run of the same file writes nothing. The rows go
/// in messages of <see cref="RowsPerMessage"/>, each well under the server's message size limit.
/// </summary>
public sealed class HuvudmanImport(RegistryService.RegistryServiceClient registry)
{
    /// <summary>The server's limit per message (RegistryApi.MaxImportRowsPerMessage).</summary>
    public const int RowsPerMessage = 5_000;

    /// <param name="progress">Told how many rows have been sent, after each message; null for no progress.</param>
    public async Task<ImportReport> RunAsync(HuvudmanCsv.Result checkedRows, ImportReport report, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkedRows);
        ArgumentNullException.ThrowIfNull(report);
        if (checkedRows.Rejections.Count > 0)
        {
            return report with { Rejected = Commands.CsvImportCommand.Ordered(checkedRows.Rejections) };
        }

        var rows = checkedRows.Rows;
        try
        {
            var waited = TimeSpan.Zero;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var result = await SendAsync(rows, report.DryRun, progress, cancellationToken);
                    return report with
                    {
                        New = result.NewRows,
                        Changed = result.ChangedRows,
                        Unchanged = result.UnchangedRows,
                        Written = result.DryRun ? 0 : result.NewRows + result.ChangedRows,
                        Replayed = result.Replayed,
                        ImportId = result.ImportId,
                    };
                }
                catch (RpcException refused) when (Hosting.RetryInfoBackoff.Delay(refused, attempt, waited, deadline: null) is { } delay)
                {
                    // The rate limit's RetryInfo, honoured as every command honours it (RetryInfoBackoff covers the other
                    // call shapes): sending the whole register again is safe, an import being idempotent.
                    waited += delay;
                    await Task.Delay(delay, cancellationToken);
                }
            }
        }
        catch (RpcException error) when (Commands.CsvImportCommand.FromServer(error, rows.Count, i => (rows[i].Row, rows[i].Request.OrganisationNumber)) is { } rejected)
        {
            return report with { Rejected = rejected };
        }
    }

    private async Task<ImportHuvudmanResponse> SendAsync(List<HuvudmanRow> rows, bool dryRun, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        using var call = registry.ImportHuvudman(cancellationToken: cancellationToken);
        try
        {
            for (var sent = 0; sent < rows.Count; sent += RowsPerMessage)
            {
                var message = new ImportHuvudmanRequest { DryRun = dryRun };
                message.Rows.AddRange(rows.Skip(sent).Take(RowsPerMessage).Select(r => r.Request));
                await call.RequestStream.WriteAsync(message, cancellationToken);
                progress?.Invoke(Math.Min(sent + RowsPerMessage, rows.Count), rows.Count);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server ended the call early (refused the token, a message, the size): its status says why, below.
        }
        catch (InvalidOperationException) when (call.GetStatus().StatusCode != StatusCode.OK)
        {
            // Writing after the server has answered: the same.
        }

        return await call.ResponseAsync;
    }
}
