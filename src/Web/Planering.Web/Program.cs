using Planering.Web.Hosting;

// The web app as its own process (the cluster topology: docker/compose.yaml, scripts/cluster-local.sh). The embedded
// default needs none of this: the silo co-hosts the app on http://127.0.0.1:5081/. Settings: README.md, "Webbappen".
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
var problems = options.Problems().ToList();
LocalTokenIssuer? tokens = null;
try
{
    tokens = LocalTokenIssuer.FromConfiguration(configuration);
}
catch (InvalidOperationException exception)
{
    problems.Add(exception.Message);
}

if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"planering-web: {problem}");
    }

    return 2;
}

var app = WebAppHost.Build(new WebHostSetup(options, () => options.ApiAddress, tokens), args);
await app.RunAsync();
return 0;
