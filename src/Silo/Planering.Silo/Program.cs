using Planering.Silo;

// The embedded default: `dotnet run --project src/Silo/Planering.Silo`. Settings: README.md, "Settings".
var app = PlaneringHost.Build(args);
await app.RunAsync();
