using Planering.Domain.Calendar;
using Planering.Domain.Parameters;
using Planering.Grains.Planning;

namespace Planering.Grains.Tests;

public sealed class PlanningParametersDocumentTests
{
    [Fact]
    public void A_document_read_back_from_its_json_is_the_same_set()
    {
        var parameters = PlanningParameters.Default with
        {
            Version = 7,
            DialogueShare = 0.55,
            Offices = new Dictionary<string, OfficeParameters> { ["lulea"] = new(1, null, OfficeHours.Default with { DayStart = new TimeOnly(7, 15) }) },
            HuvudmanCycleMonths = new Dictionary<string, int> { [Planering.Domain.Registry.OrganisationNumber.FromNineDigits("212002584").Value] = 12 },
        };

        var read = new PlanningParametersDocument(PlanningParametersDocument.From(parameters).JsonText).Value;

        Assert.Equal(7, read.Version);
        Assert.Equal(parameters.Workload with { Trips = read.Workload.Trips }, read.Workload);
        Assert.Equal(parameters.Workload.Trips.FerryRoutes.Select(f => (f.Name, f.CrossingMinutes, string.Join(',', f.DeparturesFromMainland))),
            read.Workload.Trips.FerryRoutes.Select(f => (f.Name, f.CrossingMinutes, string.Join(',', f.DeparturesFromMainland))));
        Assert.Equal(PlanningParametersDocument.From(parameters).JsonText, PlanningParametersDocument.From(read).JsonText);
        Assert.Equal(0.55, read.DialogueShare);
        Assert.Equal(parameters.Hours.WorkingDays.Order(), read.Hours.WorkingDays.Order());
        Assert.Equal(parameters.Hours.ShortenedDays, read.Hours.ShortenedDays);
        Assert.Equal((parameters.Hours.DayStart, parameters.Hours.DayEnd, parameters.Hours.LunchStart, parameters.Hours.LunchMinutes),
            (read.Hours.DayStart, read.Hours.DayEnd, read.Hours.LunchStart, read.Hours.LunchMinutes));
        Assert.Equal(new TimeOnly(7, 15), read.Offices["lulea"].Hours!.DayStart);
        Assert.Equal(1, read.Offices["lulea"].MaxDialoguesPerDay);
        Assert.Equal(12, read.CycleMonthsFor(Planering.Domain.Registry.OrganisationNumber.FromNineDigits("212002584").Value));
        read.Validate();
    }
}
