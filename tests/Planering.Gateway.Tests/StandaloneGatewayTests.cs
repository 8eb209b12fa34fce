using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Gateway.Hosting;
using Planering.TestSupport;

namespace Planering.Gateway.Tests;

[Collection(SharedApi.Name)]
public sealed class StandaloneGatewayTests(ApiFixture api)
{
    [Fact]
    public async Task A_standalone_gateway_serves_the_same_cluster_as_an_Orleans_client()
    {
        // The same data directory, so the same signing key: the fixture's token is good at the gateway too.
        await using var gateway = GatewayHost.Build([
            .. api.Settings,
            "--Planering:Api:Port=0",
            $"--Planering:Cluster:GatewayPort={api.GatewayPort}",
        ]);
        await gateway.StartAsync();
        using var channel = BearerChannel.ForAddress(PlaneringTestHost.AddressOf(gateway), api.Token);
        var viaGateway = new RegistryService.RegistryServiceClient(channel);

        var office = await viaGateway.UpsertOfficeAsync(new UpsertOfficeRequest { OfficeId = "kalmar", Name = "Kalmar", Kommunkod = "0880" });

        Assert.Equal(office, await api.Registry.GetOfficeAsync(new GetOfficeRequest { OfficeId = "kalmar" }));
        var municipal = await viaGateway.ListHuvudmanAsync(new ListHuvudmanRequest { Type = HuvudmanType.Municipal, PageSize = 1 });
        Assert.Equal(290, municipal.TotalSize);
        await gateway.StopAsync();
    }
}
