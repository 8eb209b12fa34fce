using Planering.Gateway.Hosting;
using Planering.Grains.Hosting;

// The stand-alone gateway: a stateless Orleans client of a running cluster that serves the same gRPC API as the
// co-hosted default. Cluster mode (ADO.NET membership) is configured by the same settings as the silos.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
var cluster = OptionsCheck.Read<PlaneringClusterOptions>(builder.Configuration, PlaneringClusterOptions.Section, o => o.Problems());
builder.UseOrleansClient(client =>
{
    client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
    client.Services.AddPlaneringSerialization();
});
builder.AddPlaneringGateway();

var app = builder.Build();
app.MapPlaneringGateway();
await app.RunAsync();
