using Planering.Grains.Hosting;

namespace Planering.Gateway.Hosting;

/// <summary>
/// The stand-alone gateway: a stateless Orleans client of a running cluster serving the same gRPC API as the
/// co-hosted default. Several can run side by side.
/// </summary>
public static class GatewayHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var cluster = OptionsCheck.Read<PlaneringClusterOptions>(builder.Configuration, PlaneringClusterOptions.Section, o => o.Problems());
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            client.Services.AddPlaneringSerialization();
        });
        builder.AddPlaneringGateway();

        var app = builder.Build();
        app.MapPlaneringGateway();
        return app;
    }
}
