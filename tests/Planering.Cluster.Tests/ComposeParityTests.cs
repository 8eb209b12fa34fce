using System.Text.RegularExpressions;
using Planering.Gateway.Hosting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Planering.Cluster.Tests;

/// <summary>
/// docker/compose.yaml has no Docker engine here to run on, so it is checked as a file: that Debian's Compose v1 can read
/// it (no top-level <c>name:</c>, a version it knows), that every Planering service has a restart policy and a gRPC
/// health check, and that it and scripts/cluster-local.sh run the same topology with the same settings and the same
/// published ports. (.ci/run also runs <c>docker-compose config</c> on it.)
/// </summary>
public sealed partial class ComposeParityTests
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly YamlMappingNode Compose = LoadCompose();
    private static readonly string Script = File.ReadAllText(Path.Combine(Root, "scripts", "cluster-local.sh"));

    private static readonly string[] PlaneringServices = ["silo1", "silo2", "gateway"];

    [Fact]
    public void Compose_v1_can_read_it_no_top_level_name_and_a_version_it_knows()
    {
        var keys = Compose.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        Assert.DoesNotContain("name", keys);
        Assert.All(keys, key => Assert.True(key is "version" or "services" or "volumes" or "networks" or "secrets" or "configs" || key!.StartsWith("x-", StringComparison.Ordinal), $"top-level key '{key}'"));
        Assert.Equal("3.8", Scalar(Compose, "version"));
    }

    [Fact]
    public void Every_long_running_service_restarts_and_every_Planering_service_has_a_gRPC_health_check()
    {
        var services = Map(Compose, "services");
        foreach (var name in (string[])["postgres", .. PlaneringServices, "web"])
        {
            Assert.Equal("unless-stopped", Scalar(Map(services, name), "restart"));
        }

        foreach (var name in PlaneringServices)
        {
            var test = string.Join(' ', ((YamlSequenceNode)Map(Map(services, name), "healthcheck")["test"]).Children.Select(c => ((YamlScalarNode)c).Value));
            Assert.Contains("/grpc.health.v1.Health/Check", test, StringComparison.Ordinal);
            Assert.Contains("0801", test, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_and_the_script_give_every_process_the_same_cluster_settings()
    {
        var services = Map(Compose, "services");
        foreach (var name in PlaneringServices)
        {
            var environment = Map(Map(services, name), "environment");
            Assert.Equal(ScriptValue("service_id"), Scalar(environment, "Planering__Cluster__ServiceId"));
            Assert.Equal(ScriptValue("cluster_id"), Scalar(environment, "Planering__Cluster__ClusterId"));
            Assert.Equal("AdoNet", Scalar(environment, "Planering__Cluster__Mode"));
            Assert.Equal("PostgreSql", Scalar(environment, "Planering__Storage__Provider"));
            Assert.Equal("/keys/jwt-signing.key", Scalar(environment, "Planering__Auth__SigningKeyFile"));
        }

        // Not the product's default cluster id, which a single silo started by hand would join.
        Assert.NotEqual(new PlaneringClusterOptions().ClusterId, ScriptValue("cluster_id"));
        foreach (var setting in (string[])["Mode=AdoNet", "Provider=PostgreSql", "ServiceId=$service_id", "ClusterId=$cluster_id", "SigningKeyFile=$key_file"])
        {
            Assert.Contains(setting, Script, StringComparison.Ordinal);
        }

        // One build configuration: the images publish Release, and so does the script by default.
        Assert.Contains("configuration=${CONFIGURATION:-Release}", Script, StringComparison.Ordinal);
        Assert.Contains("-c Release", File.ReadAllText(Path.Combine(Root, "docker", "Dockerfile.silo")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway", "5080", "gateway_api")]
    [InlineData("silo1", "5080", "silo1_api")]
    [InlineData("silo2", "5080", "silo2_api")]
    [InlineData("silo1", "8080", "silo1_dashboard")]
    [InlineData("silo2", "8080", "silo2_dashboard")]
    [InlineData("web", "5081", "web")]
    [InlineData("gateway", "5090", "gateway_http")]
    public void Compose_publishes_each_port_where_the_script_listens(string service, string containerPort, string scriptPort)
    {
        var published = ((YamlSequenceNode)Map(Map(Compose, "services"), service)["ports"]).Children.Select(p => ((YamlScalarNode)p).Value!).ToList();
        var scriptDefault = ScriptPortDefault().Match(Script);
        Assert.True(scriptDefault.Success, "the script's compose-port defaults");
        var port = Regex.Match(scriptDefault.Value, $@"\b{scriptPort}=(\d+)").Groups[1].Value;
        Assert.Contains($"127.0.0.1:{port}:{containerPort}", published);
    }

    /// <summary>
    /// The web app is a process of its own in both (compose's service web, the script's process web), a client of the
    /// gateway's API, with the same settings: the address and port the image sets, the identity provider from the same
    /// variables. The script alone passes the signing key, for the local sign-in it may offer on 127.0.0.1.
    /// </summary>
    [Fact]
    public void The_web_app_runs_as_its_own_process_in_both_with_the_same_settings()
    {
        var web = Map(Map(Compose, "services"), "web");
        var environment = Map(web, "environment");
        Assert.Equal("http://gateway:5080", Scalar(environment, "Planering__Web__ApiAddress"));
        Assert.Contains("web=", ScriptPortDefault().Match(Script).Value, StringComparison.Ordinal);
        Assert.Contains("nodes=(silo1 silo2 gateway web)", Script, StringComparison.Ordinal);
        Assert.Contains("launch_dll=$web_dll launch web", Script, StringComparison.Ordinal);
        Assert.Contains("\"Planering__Web__ApiAddress=http://127.0.0.1:${port[gateway_api]}\"", Script, StringComparison.Ordinal);

        // The image's own settings (Dockerfile.web) are the port compose publishes and every interface; the script gives
        // the same port (its 5085 is compose's published one) on 127.0.0.1.
        var image = File.ReadAllText(Path.Combine(Root, "docker", "Dockerfile.web"));
        Assert.Contains("Planering__Web__Port=5081", image, StringComparison.Ordinal);
        Assert.Contains("\"Planering__Web__Address=127.0.0.1\" \"Planering__Web__Port=${port[web]}\"", Script, StringComparison.Ordinal);
        foreach (var oidc in (string[])["Authority", "ClientId", "ClientSecret", "ApiScope"])
        {
            var variable = Regex.Match(Scalar(environment, $"Planering__Web__Oidc__{oidc}")!, @"^\$\{(\w+):-\}$").Groups[1].Value;
            Assert.NotEmpty(variable);
            Assert.Contains($"\"Planering__Web__Oidc__{oidc}=${{{variable}:-}}\"", Script, StringComparison.Ordinal);
        }
    }

    private static string ScriptValue(string variable) =>
        Regex.Match(Script, $@"^{variable}=(\S+)$", RegexOptions.Multiline) is { Success: true } match ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"scripts/cluster-local.sh sets no {variable}");

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;

    /// <summary>The file with its anchors and merge keys (<c>&lt;&lt;: *planering</c>) resolved, as Compose reads it.</summary>
    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker", "compose.yaml"));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Planering.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Planering.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"printf '%s\\n' ""postgres=\$pg"" gateway_api=\d+[^\n]*\n[^\n]*")]
    private static partial Regex ScriptPortDefault();
}
