using Planering.Gateway.Hosting;

// `dotnet run --project src/Gateway/Planering.Gateway`: the gRPC API alone, as a client of a running cluster.
return await SettingsFailure.RunAsync("planering-gateway", Console.Error, async () =>
{
    await GatewayHost.Build(args).RunAsync();
    return 0;
});
