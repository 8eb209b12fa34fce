using Planering.Domain.Calendar;
using Planering.Domain.Forecasting;
using Planering.Domain.Planning;
using Planering.Domain.Workload;
using Planering.Domain.World;

namespace Planering.Bench.Forecasting;

/// <summary>The seeded Swedish world as the forecast sees it: six offices with default staff, every huvudman at its nearest office.</summary>
public static class NationalForecastScenario
{
    public static ForecastInput Build(int paths = ForecastInput.DefaultPaths, int horizonMonths = ForecastInput.DefaultHorizonMonths)
    {
        var sweden = SwedishGeography.Sweden;
        var offices = sweden.Offices
            .Select(o => new ForecastOffice(o.OfficeId, o.Kommunkod, o.Position, WorldSeed.DefaultAdvisors(o.OfficeId, WorldSeed.DefaultAdvisorCount(o.OfficeId)), []))
            .ToList();
        var huvudman = WorldSeed.Huvudman(sweden)
            .Select(h => new ForecastHuvudman(h.OrganisationNumber.Value,
                NearestOfficeAssignment.Nearest(h.Position, offices.Select(o => (o.OfficeId, o.Position)))!, h.Position, h.Pupils, null, null))
            .ToList();
        var capacity = new CapacityModel(OfficeWorkingTime.Default, SchoolHolidayCalendar.Create(sweden));
        return ForecastInputBuilder.Build(2027, 1, 20_261_123, horizonMonths, paths, ForecastParameters.Default, offices, huvudman, WorkloadModel.Default, capacity);
    }
}
