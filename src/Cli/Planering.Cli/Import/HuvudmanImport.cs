using Grpc.Core;
using Google.Rpc;
using Planering.Contracts.V1;

namespace Planering.Cli.Import;

/// <summary>
/// Loads checked rows through the API, all or nothing:
/// <list type="number">
/// <item>every row is checked locally for shape (<see cref="HuvudmanCsv"/>);</item>
/// <item>then against the server with read-only calls: each distinct kommunkod must be one the server knows
/// (GetSchoolHolidays answers INVALID_ARGUMENT for any other), and each huvudman is looked up (GetHuvudman) to tell
/// new from updated from unchanged;</item>
/// <item>only when no row was rejected are the new and changed rows written (UpsertHuvudman, synthetic = false), in
/// file order. Unchanged rows are not written, so a second run of the same file writes nothing.</item>
/// </list>
/// A write can then fail only if the server goes away or its rules change mid-run: the import stops at that row and
/// says so. Every row written before it is a complete, valid upsert, and a re-run of the file counts those rows as
/// unchanged and writes the rest.
/// </summary>
public sealed class HuvudmanImport(RegistryService.RegistryServiceClient registry, SchedulingService.SchedulingServiceClient scheduling)
{
    /// <summary>Lookups run a few at a time: a register of thousands of rows is checked in seconds, without flooding the server.</summary>
    private const int ParallelLookups = 8;

    /// <summary>How close two positions must be to count as the same place (about a centimetre).</summary>
    private const double SamePlaceDegrees = 1e-7;

    public async Task<ImportReport> RunAsync(string file, HuvudmanCsv.Result checkedRows, bool dryRun, Func<RpcException, string> describeError, CancellationToken cancellationToken)
    {
        var report = new ImportReport { File = file, Rows = checkedRows.RowsRead, DryRun = dryRun, IgnoredColumns = checkedRows.IgnoredColumns };
        var rejected = new List<RowRejection>(checkedRows.Rejections);
        var rows = checkedRows.Rows;

        rejected.AddRange(await UnknownKommunerAsync(rows, cancellationToken));
        var existing = await ExistingAsync(rows, cancellationToken);

        var plan = new List<(HuvudmanRow Row, UpsertHuvudmanRequest Request, bool IsNew)>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Request.OrganisationNumber, out var current))
            {
                plan.Add((row, row.Request, true));
            }
            else if (Same(row, current))
            {
                unchanged++;
            }
            else
            {
                plan.Add((row, WithKeptPosition(row, current), false));
            }
        }

        report = report with
        {
            New = plan.Count(p => p.IsNew),
            Updated = plan.Count(p => !p.IsNew),
            Unchanged = unchanged,
            Rejected = rejected.OrderBy(r => r.Row).ThenBy(r => r.Field, StringComparer.Ordinal).ToList(),
        };
        if (rejected.Count > 0 || dryRun)
        {
            return report;
        }

        var written = 0;
        foreach (var (row, request, _) in plan)
        {
            try
            {
                await registry.UpsertHuvudmanAsync(request, cancellationToken: cancellationToken);
                written++;
            }
            catch (RpcException error)
            {
                return report with { Written = written, StoppedAt = new WriteFailure(row.Row, request.OrganisationNumber, describeError(error), Errors.ExitCodes.For(error.StatusCode)) };
            }
        }

        return report with { Written = written };
    }

    /// <summary>
    /// A row without a position keeps the position a known huvudman already has in the same kommun, so re-importing a
    /// register without coordinates does not move anyone the server had placed more precisely.
    /// </summary>
    private static UpsertHuvudmanRequest WithKeptPosition(HuvudmanRow row, Huvudman current)
    {
        if (row.HasPosition || current.Kommunkod != row.Request.Kommunkod || current.Position is null)
        {
            return row.Request;
        }

        var request = row.Request.Clone();
        request.Position = current.Position.Clone();
        return request;
    }

    private static bool Same(HuvudmanRow row, Huvudman current)
    {
        var r = row.Request;
        var samePlace = !row.HasPosition
            ? current.Kommunkod == r.Kommunkod
            : current.Position is { } p && Math.Abs(p.Latitude - r.Position.Latitude) < SamePlaceDegrees && Math.Abs(p.Longitude - r.Position.Longitude) < SamePlaceDegrees;
        return current.Name == r.Name && current.Type == r.Type && current.Kommunkod == r.Kommunkod && current.Pupils == r.Pupils && !current.Synthetic && samePlace;
    }

    private async Task<List<RowRejection>> UnknownKommunerAsync(List<HuvudmanRow> rows, CancellationToken cancellationToken)
    {
        var unknown = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var kommuner = rows.Select(r => r.Request.Kommunkod).Distinct(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(kommuner, new ParallelOptions { MaxDegreeOfParallelism = ParallelLookups, CancellationToken = cancellationToken }, async (kommunkod, ct) =>
        {
            try
            {
                await scheduling.GetSchoolHolidaysAsync(new GetSchoolHolidaysRequest { Kommunkod = kommunkod }, cancellationToken: ct);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.InvalidArgument)
            {
                var violation = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault(v => v.Field == "kommunkod");
                unknown[kommunkod] = violation?.Description ?? error.Status.Detail;
            }
        });

        return rows.Where(r => unknown.ContainsKey(r.Request.Kommunkod))
            .Select(r => new RowRejection(r.Row, r.Request.OrganisationNumber, "kommunkod", $"'{r.Request.Kommunkod}' {unknown[r.Request.Kommunkod]}"))
            .ToList();
    }

    private async Task<Dictionary<string, Huvudman>> ExistingAsync(List<HuvudmanRow> rows, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, Huvudman>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = ParallelLookups, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            try
            {
                found[row.Request.OrganisationNumber] = await registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = row.Request.OrganisationNumber }, cancellationToken: ct);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
            {
                // Not registered yet: the row is new.
            }
        });

        return new Dictionary<string, Huvudman>(found, StringComparer.Ordinal);
    }
}
