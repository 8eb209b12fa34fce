using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Planering.Contracts.V1;
using Planering.Domain.Errors;
using Planering.Gateway.Errors;
using Planering.Gateway.Security;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;
using AbsenceRecord = Planering.Grains.Registry.AbsenceRecord;

namespace Planering.Gateway.Registry;

/// <summary><c>planering.v1.RegistryService</c>: checks the request's shape, forwards to the registry grains, maps back.</summary>
public sealed class RegistryApi(IGrainFactory grains, PlaceNamesCache places) : RegistryService.RegistryServiceBase
{
    [Authorize(Policy = ApiRoles.SchedulePolicy)]
    public override async Task<Huvudman> UpsertHuvudman(UpsertHuvudmanRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.OrganisationNumber(violations, "organisation_number", request.OrganisationNumber);
        RequestShape.KnownEnum(violations, "type", request.Type, allowUnspecified: false);
        RequestShape.Position(violations, "position", request.Position);
        violations.ThrowIfAny();

        var upsert = new HuvudmanUpsert(request.Name, request.Type.ToDomain(), request.Kommunkod, request.Position.ToRecord(), request.Pupils, request.Synthetic, request.OrganisationNumberSynthetic);
        var listed = await grains.GetGrain<IHuvudmanGrain>(request.OrganisationNumber).UpsertListedAsync(upsert);
        return listed.Huvudman.ToMessage(listed.OfficeId, await places.GetAsync());
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<Huvudman> GetHuvudman(GetHuvudmanRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.OrganisationNumber(violations, "organisation_number", request.OrganisationNumber);
        violations.ThrowIfAny();

        var listed = await grains.GetGrain<IHuvudmanGrain>(request.OrganisationNumber).GetListedAsync();
        return listed.Huvudman.ToMessage(listed.OfficeId, await places.GetAsync());
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<ListHuvudmanResponse> ListHuvudman(ListHuvudmanRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var pageSize = RequestShape.PageSize(violations, request.PageSize);
        RequestShape.KnownEnum(violations, "type", request.Type, allowUnspecified: true);
        RequestShape.OfficeId(violations, "office_id", request.OfficeId, required: false);
        RequestShape.PageToken(violations, request.PageToken);
        violations.ThrowIfAny();

        var filter = new HuvudmanFilter(
            NullIfEmpty(request.Lanskod),
            NullIfEmpty(request.Kommunkod),
            NullIfEmpty(request.OfficeId),
            request.Type == HuvudmanType.Unspecified ? null : request.Type.ToDomain());
        var page = await grains.GetGrain<IHuvudmanQueryGrain>(0).ListAsync(filter, pageSize, NullIfEmpty(request.PageToken));

        var names = await places.GetAsync();
        var response = new ListHuvudmanResponse { NextPageToken = page.NextPageToken ?? string.Empty, TotalSize = page.TotalSize };
        response.Huvudman.AddRange(page.Items.Select(item => item.Huvudman.ToMessage(item.OfficeId, names)));
        return response;
    }

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<Office> UpsertOffice(UpsertOfficeRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.OfficeId(violations, "office_id", request.OfficeId);
        RequestShape.Position(violations, "position", request.Position);
        var opened = RequestShape.OptionalDate(violations, "opened", request.Opened);
        violations.ThrowIfAny();

        var upsert = new OfficeUpsert(request.Name, request.Kommunkod, request.Position.ToRecord(), opened,
            request.HasMaxNightsAwayPerAdvisorMonth ? request.MaxNightsAwayPerAdvisorMonth : null);
        var office = await grains.GetGrain<IRegionalOfficeGrain>(request.OfficeId).UpsertAsync(upsert);
        return office.ToMessage(await places.GetAsync());
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<Office> GetOffice(GetOfficeRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.OfficeId(violations, "office_id", request.OfficeId);
        violations.ThrowIfAny();

        return (await grains.GetGrain<IRegionalOfficeGrain>(request.OfficeId).GetAsync()).ToMessage(await places.GetAsync());
    }

    [Authorize(Policy = ApiRoles.ReadPolicy)]
    public override async Task<ListOfficesResponse> ListOffices(ListOfficesRequest request, ServerCallContext context)
    {
        var offices = await grains.GetGrain<IOfficeDirectoryGrain>(GrainKeys.Sweden).ListAsync();
        var names = await places.GetAsync();
        var response = new ListOfficesResponse();
        response.Offices.AddRange(offices.Select(o => o.ToMessage(names)));
        return response;
    }

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<Office> SetStaffing(SetStaffingRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestShape.OfficeId(violations, "office_id", request.OfficeId);
        var advisors = Advisors(violations, request.Advisors, "advisors");
        violations.ThrowIfAny();
        return (await grains.GetGrain<IRegionalOfficeGrain>(request.OfficeId).SetStaffingAsync(advisors)).ToMessage(await places.GetAsync());
    }

    /// <summary>Rows one message of an import may carry: 5,000 rows of ~150 bytes stay far below the 4 MiB message limit.</summary>
    public const int MaxImportRowsPerMessage = 5_000;

    /// <summary>Rows one import may carry: twice the ~100,000 a real register has, and a bound on the memory an import holds.</summary>
    public const int MaxImportRows = 200_000;

    [Authorize(Policy = ApiRoles.PlanPolicy)]
    public override async Task<ImportHuvudmanResponse> ImportHuvudman(IAsyncStreamReader<ImportHuvudmanRequest> requestStream, ServerCallContext context)
    {
        var rows = new List<HuvudmanImportRow>();
        var violations = new Violations();
        var dryRun = false;
        var messages = 0;
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            dryRun = messages++ == 0 ? message.DryRun : dryRun;
            if (message.Rows.Count > MaxImportRowsPerMessage)
            {
                throw PlaneringException.Invalid("rows", $"message {messages} holds {message.Rows.Count} rows; send at most {MaxImportRowsPerMessage} per message");
            }

            if (rows.Count + message.Rows.Count > MaxImportRows)
            {
                throw PlaneringException.Invalid("rows", $"an import holds at most {MaxImportRows} rows; split the register");
            }

            foreach (var row in message.Rows)
            {
                // The digest is the import's id: length-prefixed rows in order, so no two registers share one.
                var bytes = Google.Protobuf.MessageExtensions.ToByteArray(row);
                digest.AppendData(BitConverter.GetBytes(bytes.Length));
                digest.AppendData(bytes);
                rows.Add(new HuvudmanImportRow(row.OrganisationNumber, new HuvudmanUpsert(
                    row.Name, row.Type.ToDomain(), row.Kommunkod, row.Position.ToRecord(), row.Pupils, row.Synthetic, row.OrganisationNumberSynthetic)));
            }
        }

        violations.Require(rows.Count > 0, "rows", "the import holds no rows");
        violations.ThrowIfAny();

        // Every row is checked by the domain's rules in the grain, all at once, under rows[i] names, before any row becomes a grain key.
        var importId = Convert.ToHexStringLower(digest.GetHashAndReset());
        var result = await grains.GetGrain<IHuvudmanImportGrain>(GrainKeys.Sweden).ImportAsync(importId, rows, dryRun);
        return new ImportHuvudmanResponse
        {
            ImportId = result.ImportId,
            Rows = result.Rows,
            NewRows = result.New,
            ChangedRows = result.Changed,
            UnchangedRows = result.Unchanged,
            DryRun = result.DryRun,
            Replayed = result.Replayed,
        };
    }

    /// <summary>Advisors from a request, their shape checked (weekdays known, dates parse); no working days is passed on as none.</summary>
    internal static List<AdvisorRecord> Advisors(Violations violations, IList<Contracts.V1.Advisor> requested, string field)
    {
        var advisors = new List<AdvisorRecord>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var advisor = requested[i];
            var at = $"{field}[{i}]";
            foreach (var day in advisor.WorkingDays)
            {
                RequestShape.KnownEnum(violations, $"{at}.working_days", day, allowUnspecified: false);
            }

            var absences = new List<AbsenceRecord>(advisor.Absences.Count);
            for (var j = 0; j < advisor.Absences.Count; j++)
            {
                var absence = advisor.Absences[j];
                var start = RequestShape.RequiredDate(violations, $"{at}.absences[{j}].start_date", absence.StartDate);
                var end = RequestShape.RequiredDate(violations, $"{at}.absences[{j}].end_date", absence.EndDate);
                absences.Add(new AbsenceRecord(start, end, absence.Reason));
            }

            // None given: the domain's default working week applies (Staffing.WorkingDaysOrDefault).
            var days = advisor.WorkingDays.Where(Enum.IsDefined).Select(d => d.ToDayOfWeek()).Distinct().ToList();
            advisors.Add(new AdvisorRecord(advisor.AdvisorId, advisor.Name, advisor.Fte, days, absences));
        }

        return advisors;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
