using System.Globalization;
using Planering.Bench.Hosting;
using Planering.Contracts.V1;
using Planering.Domain.Calendar;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;
using Planering.Domain.World;
using Planering.Grains.Hosting;
using Planering.Grains.Planning;
using Planering.Grains.Registry;
using Planering.Grains.Scheduling;
using DomainMode = Planering.Domain.Workload.DialogueMode;

namespace Planering.Bench.Load;

/// <summary>
/// Where a FindNextSlot's time goes, layer by layer, measured with the same load generator and the same requests as
/// the gRPC run: the huvudman grain's whole answer without gRPC, one office's search as a grain call, the cheapest
/// grain call there is, and the domain search alone as the office grain runs it (a fresh school calendar per search)
/// and with one shared calendar.
/// </summary>
public sealed class GrainPathBreakdown
{
    private readonly IGrainFactory _grains;
    private readonly FindNextSlotWorkload _workload;
    private readonly Dictionary<string, HuvudmanProfile> _profiles;
    private readonly Dictionary<string, SchedulingOffice> _offices;
    private readonly Dictionary<string, string> _officeOf = new(StringComparer.Ordinal);
    private readonly DateOnly _today = StockholmTime.LocalDate(DateTimeOffset.UtcNow);
    private readonly SchoolHolidayCalendar _sharedCalendar = SchoolHolidayCalendar.Create(SwedishGeography.Sweden);
    private readonly OfficeSchedule _empty = new([]);

    public GrainPathBreakdown(PlaneringInstance planering, FindNextSlotWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(planering);
        _grains = planering.Grains;
        _workload = workload;
        var sweden = SwedishGeography.Sweden;
        _profiles = WorldSeed.Huvudman(sweden).ToDictionary(h => h.OrganisationNumber.Value, StringComparer.Ordinal);
        _offices = WorldSeed.Offices(sweden).ToDictionary(
            o => o.Profile.OfficeId, o => new SchedulingOffice(o.Profile.OfficeId, o.Profile.Position, o.Advisors), StringComparer.Ordinal);
    }

    /// <summary>Where a huvudman is assigned: one read-only call to its kommun's index shard, the cheapest grain call there is.</summary>
    private Task<string?> OfficeOf(string id, HuvudmanProfile profile) =>
        _grains.GetGrain<IHuvudmanIndexGrain>(profile.Kommunkod).OfficeOfAsync(id);

    public async Task<IReadOnlyList<LoadResult>> RunAsync(int callers, TimeSpan warmUp, TimeSpan duration, TextWriter log)
    {
        foreach (var (id, profile) in _profiles)
        {
            _officeOf[id] = await OfficeOf(id, profile) ?? throw new InvalidOperationException($"{id} has no office");
        }

        var stages = new (string Name, int Callers, Func<long, Task> Call)[]
        {
            ("grain: huvudman FindNextSlot, no gRPC", callers, s => _grains.GetGrain<IHuvudmanGrain>(_workload.For(s).HuvudmanId).FindNextSlotAsync(FindSlot(_workload.For(s)))),
            ("grain: one office's search", callers, s => OfficeSearch(_workload.For(s))),
            ("grain: a trivial call", callers, s => OfficeOf(_workload.For(s).HuvudmanId, _profiles[_workload.For(s).HuvudmanId])),
            ("domain: one search, fresh calendar", Environment.ProcessorCount, s => Search(_workload.For(s), SchoolHolidayCalendar.Create(SwedishGeography.Sweden))),
            ("domain: one search, shared calendar", Environment.ProcessorCount, s => Search(_workload.For(s), _sharedCalendar)),
        };

        var results = new List<LoadResult>();
        foreach (var (name, stageCallers, call) in stages)
        {
            var result = await LoadGenerator.RunAsync(LoadPlan.Timed(name, stageCallers, warmUp, duration), (_, s) => call(s));
            log.WriteLine(SideBySide.Describe(result));
            results.Add(result);
        }

        return results;
    }

    private Task<OfficeSlotAnswer> OfficeSearch(FindNextSlotRequest request)
    {
        var h = _profiles[request.HuvudmanId];
        var me = new HuvudmanForSlot(h.OrganisationNumber.Value, h.Name, h.Kommunkod, Planering.Grains.Registry.GeoPoint.From(h.Position), h.Pupils, null, [], Guid.Empty);
        return _grains.GetGrain<IRegionalOfficeGrain>(_officeOf[request.HuvudmanId]).FindSlotAsync(me, FindSlot(request));
    }

    private Task Search(FindNextSlotRequest request, SchoolHolidayCalendar calendar)
    {
        var h = _profiles[request.HuvudmanId];
        var query = new SlotQuery(
            new SchedulingHuvudman(h.OrganisationNumber.Value, h.Name, h.Kommunkod, h.Position, h.Pupils, null, new HashSet<DateOnly>()),
            _offices[_officeOf[request.HuvudmanId]], [Mode(request)], Earliest(request), SlotQuery.DefaultHorizonDays, false, _today);
        new SlotSearch(OfficeWorkingTime.Default, calendar, WorkloadModel.Default).FindEarliest(query, _empty);
        return Task.CompletedTask;
    }

    private static FindSlotRequest FindSlot(FindNextSlotRequest request) =>
        new(Earliest(request), [Mode(request)], null, SlotQuery.DefaultHorizonDays, false);

    private static DateOnly Earliest(FindNextSlotRequest request) => DateOnly.ParseExact(request.EarliestDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DomainMode Mode(FindNextSlotRequest request) => request.Mode == Contracts.V1.DialogueMode.OnSite ? DomainMode.OnSite : DomainMode.Digital;
}
