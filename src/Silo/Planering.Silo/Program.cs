using Planering.Silo;

// The embedded default: `dotnet run --project src/Silo/Planering.Silo`. Settings: README.md, "Settings".
// With --apply-schema-only it prepares the configured database and exits (README.md, "Cluster mode").
if (args.Contains(PlaneringHost.ApplySchemaOnlyFlag))
{
    await PlaneringHost.ApplySchemaAsync(args);
    return;
}

var app = PlaneringHost.Build(args);
await app.RunAsync();
