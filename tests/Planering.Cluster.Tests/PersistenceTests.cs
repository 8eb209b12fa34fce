using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Cluster.Tests;

[Collection(SharedPostgres.Name)]
public sealed class PersistenceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task State_written_through_the_API_is_read_back_identical_by_a_new_host_on_the_same_database()
    {
        var database = await postgres.EmptyDatabaseAsync();
        var clusterId = $"persistence-{Guid.NewGuid():N}";
        var number = OrganisationNumber.FromNineDigits("559912345").Value;
        Office staffed;
        Huvudman huvudman;

        await using (var silo = await Node.StartSiloAsync(database, ClusterMode.Localhost, clusterId))
        {
            await silo.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "umea", Name = "Umeå", Kommunkod = "2480", Opened = "2027-01-04" });
            var staffing = new SetStaffingRequest { OfficeId = "umea" };
            staffing.Advisors.Add(new Advisor { AdvisorId = "umea-1", Name = "Maja", Fte = 0.8, WorkingDays = { Weekday.Monday, Weekday.Wednesday, Weekday.Thursday } });
            staffing.Advisors.Add(new Advisor { AdvisorId = "umea-2", Name = "Nils", Fte = 1, Absences = { new Absence { StartDate = "2027-07-01", EndDate = "2027-07-31", Reason = "semester" } } });
            staffed = await silo.Registry.SetStaffingAsync(staffing);
            huvudman = await silo.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
            {
                OrganisationNumber = number, Name = "Norrlandsskolan AB", Type = HuvudmanType.Independent, Kommunkod = "2480", Pupils = 412,
            });
        }

        await using (var silo = await Node.StartSiloAsync(database, ClusterMode.Localhost, clusterId))
        {
            Assert.Equal(staffed, await silo.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "umea" }));
            Assert.Equal(huvudman, await silo.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number }));
            Assert.Equal("umea", huvudman.OfficeId);
            Assert.Equal(2, staffed.Advisors.Count);
            Assert.Equal(1.8, staffed.TotalFte, 9);
            var listed = await silo.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Kommunkod = "2480" });
            Assert.Equal(huvudman, Assert.Single(listed.Huvudman));
        }
    }
}
