using Planering.Gateway.Hosting;

// `dotnet run --project src/Gateway/Planering.Gateway`: the gRPC API alone, as a client of a running cluster.
await GatewayHost.Build(args).RunAsync();
