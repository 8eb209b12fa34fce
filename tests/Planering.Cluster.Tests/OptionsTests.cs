using Microsoft.Extensions.Options;
using Planering.Gateway.Hosting;
using Planering.Silo;

namespace Planering.Cluster.Tests;

/// <summary>Cluster settings are checked before anything starts, and a refusal names the setting to fix.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("--Planering:Storage:Provider=PostgreSql", "Planering:Storage:PostgreSqlConnectionString")]
    [InlineData("--Planering:Cluster:Mode=AdoNet", "Planering:Storage:PostgreSqlConnectionString")]
    [InlineData("--Planering:Storage:Provider=Postgres", "Planering:Storage:Provider")]
    [InlineData("--Planering:Cluster:Mode=Kubernetes", "Planering:Cluster:Mode")]
    public void A_silo_with_incomplete_cluster_settings_refuses_to_start_naming_the_setting(string setting, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => PlaneringHost.Build([setting, "--Planering:Storage:SqlitePath=unused.db"]));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_silo_refuses_a_malformed_connection_string_or_advertised_address()
    {
        var connection = Assert.Throws<OptionsValidationException>(() => PlaneringHost.Build([
            "--Planering:Storage:Provider=PostgreSql", "--Planering:Storage:PostgreSqlConnectionString=Hots=db;Database=planering"]));
        Assert.Contains("Planering:Storage:PostgreSqlConnectionString", connection.Message, StringComparison.Ordinal);

        var address = Assert.Throws<OptionsValidationException>(() => PlaneringHost.Build([
            "--Planering:Storage:Provider=PostgreSql", "--Planering:Storage:PostgreSqlConnectionString=Host=127.0.0.1;Database=planering",
            "--Planering:Cluster:Mode=AdoNet", "--Planering:Cluster:AdvertisedAddress=not an address"]));
        Assert.Contains("Planering:Cluster:AdvertisedAddress", address.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_in_AdoNet_mode_needs_the_connection_string()
    {
        var error = Assert.Throws<OptionsValidationException>(() => GatewayHost.Build(["--Planering:Cluster:Mode=AdoNet"]));
        Assert.Contains("Planering:Storage:PostgreSqlConnectionString", error.Message, StringComparison.Ordinal);
    }
}
