using Planering.Cli.Hosting;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
