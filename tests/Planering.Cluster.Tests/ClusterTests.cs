using Planering.Contracts.V1;
using Planering.Domain.World;
using Planering.Gateway.Hosting;
using OrganisationNumber = Planering.Domain.Registry.OrganisationNumber;

namespace Planering.Cluster.Tests;

/// <summary>Several silos and gateways on one PostgreSQL database, found through the ADO.NET membership table.</summary>
[Collection(SharedPostgres.Name)]
public sealed class ClusterTests(PostgresFixture postgres)
{
    private static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_silos_in_AdoNet_mode_form_one_cluster_and_share_state()
    {
        var database = await postgres.SeededDatabaseAsync();
        var clusterId = NewClusterId();
        await using var a = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await using var b = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await Task.WhenAll(a.WaitForActiveSilosAsync(2), b.WaitForActiveSilosAsync(2));

        var number = OrganisationNumber.FromNineDigits("559900001").Value;
        var written = await a.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
        {
            OrganisationNumber = number, Name = "Klusterskolan AB", Type = HuvudmanType.Independent, Kommunkod = "1480", Pupils = 250,
        });
        Assert.Equal(written, await b.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = number }));

        var staffing = new SetStaffingRequest { OfficeId = "goteborg" };
        staffing.Advisors.Add(new Advisor { AdvisorId = "goteborg-9", Name = "Ebba", Fte = 0.5 });
        var staffed = await b.Registry.SetStaffingAsync(staffing);
        Assert.Equal(staffed, await a.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "goteborg" }));
        Assert.Equal(290, (await b.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Type = HuvudmanType.Municipal, PageSize = 1 })).TotalSize);
    }

    [Fact]
    public async Task Stand_alone_gateways_in_AdoNet_mode_find_the_silos_in_PostgreSQL_and_serve_the_cluster()
    {
        var database = await postgres.SeededDatabaseAsync();
        var clusterId = NewClusterId();
        await using var a = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await using var b = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await Task.WhenAll(a.WaitForActiveSilosAsync(2), b.WaitForActiveSilosAsync(2));

        // Two gateways side by side, configured only with the connection string and the cluster id.
        await using var first = await Node.StartGatewayAsync(database, clusterId);
        await using var second = await Node.StartGatewayAsync(database, clusterId);

        var office = await first.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "kalmar", Name = "Kalmar", Kommunkod = "0880" });
        Assert.Equal(office, await second.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "kalmar" }));
        Assert.Equal(office, await a.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "kalmar" }));
        Assert.Equal(office, await b.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "kalmar" }));
        var lulea = await second.Registry.ListHuvudmanAsync(new ListHuvudmanRequest { Type = HuvudmanType.Municipal, Lanskod = "25", PageSize = 100 });
        Assert.Equal(14, lulea.TotalSize);
        Assert.All(lulea.Huvudman, h => Assert.Equal("lulea", h.OfficeId));
    }

    [Fact]
    public async Task A_gateway_started_before_any_silo_waits_for_the_cluster_and_then_serves()
    {
        var database = await postgres.EmptyDatabaseAsync();
        var clusterId = NewClusterId();

        // Compose may start the gateway first: it must keep looking in the (not yet created) membership table.
        var gatewayStart = Node.StartGatewayAsync(database, clusterId);
        await using var silo = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId);
        await using var gateway = await gatewayStart.WaitAsync(ClusterConnectRetry.Patience);

        var office = await gateway.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "visby", Name = "Visby", Kommunkod = "0980" });
        Assert.Equal(office, await silo.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "visby" }));
    }

    [Fact]
    public async Task A_full_cluster_restart_gives_back_the_identical_registry_and_calendars()
    {
        var database = await postgres.SeededDatabaseAsync();
        var clusterId = NewClusterId();
        RegistryDigest before;
        await using (var a = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId))
        await using (var b = await Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId))
        {
            await Task.WhenAll(a.WaitForActiveSilosAsync(2), b.WaitForActiveSilosAsync(2));
            await a.Registry.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "umea", Name = "Umeå", Kommunkod = "2480" });
            await b.Registry.UpsertHuvudmanAsync(new UpsertHuvudmanRequest
            {
                OrganisationNumber = OrganisationNumber.FromNineDigits("559900002").Value, Name = "Omstartsskolan AB",
                Type = HuvudmanType.Independent, Kommunkod = "2480", Pupils = 99,
            });

            // Three dialogues booked through either silo, one of them cancelled: calendars and projections must come back too.
            var huvudman = await SchedulingArrange.OfficeWithHuvudmanAsync(a.Registry, "omstart", "2480", advisors: 2, huvudman: 3);
            var booked = new List<Dialogue>();
            foreach (var (number, i) in huvudman.Select((h, i) => (h, i)))
            {
                var via = i % 2 == 0 ? a : b;
                var slot = (await via.Scheduling.FindNextSlotAsync(SchedulingArrange.Find(number, "omstart", SchedulingArrange.QuietAutumnMonday))).Slot;
                booked.Add(await via.Scheduling.BookDialogueAsync(new BookDialogueRequest { RequestId = $"restart-{number}", HuvudmanId = number, Slot = slot }));
            }

            await b.Scheduling.CancelDialogueAsync(new CancelDialogueRequest { DialogueId = booked[1].DialogueId, Reason = "omstartstest" });
            before = await RegistryDigest.ReadAsync(a);
            Assert.Equal(before, await RegistryDigest.ReadAsync(b));
        }

        // Both silos start together on the existing database: schema run again under the lock, a new membership generation.
        var restarted = await Task.WhenAll(
            Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId),
            Node.StartSiloAsync(database, ClusterMode.AdoNet, clusterId));
        await using var c = restarted[0];
        await using var d = restarted[1];
        await Task.WhenAll(c.WaitForActiveSilosAsync(2), d.WaitForActiveSilosAsync(2));

        Assert.Equal(before, await RegistryDigest.ReadAsync(d));
        Assert.Equal(before, await RegistryDigest.ReadAsync(c));
        Assert.Equal(WorldSeed.Huvudman(SwedishGeography.Sweden).Count + 4, before.Huvudman);
        Assert.Equal(8, before.Offices);
        Assert.Equal(3, before.Dialogues);
        var cancelled = Assert.Single(await SchedulingArrange.OfficeDialoguesAsync(c.Scheduling, "omstart"), x => x.Status == DialogueStatus.Cancelled);
        Assert.Equal("omstartstest", cancelled.CancelReason);
    }
}
