using Planering.Gateway.Hosting;
using Planering.Silo;
using Planering.Silo.Tokens;

// The embedded default: `dotnet run --project src/Silo/Planering.Silo`. Settings: README.md, "Settings".
// With --apply-schema-only it prepares the configured database and exits (README.md, "Cluster mode").
// With mint-token it prints a bearer token for the API and exits (README.md, "Security").
if (args.Length > 0 && args[0] == MintTokenCommand.Name)
{
    return MintTokenCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

// A bad setting is one line per setting and exit code 2 (README.md, "Settings").
return await SettingsFailure.RunAsync("planering-silo", Console.Error, async () =>
{
    if (args.Contains(PlaneringHost.ApplySchemaOnlyFlag))
    {
        await PlaneringHost.ApplySchemaAsync(args);
        return 0;
    }

    var app = PlaneringHost.Build(args);
    await app.RunAsync();
    return 0;
});
