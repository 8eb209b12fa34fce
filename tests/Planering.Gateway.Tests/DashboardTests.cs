using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

/// <summary>The Orleans dashboard of the embedded default: HTTP on loopback at its own port, and only there.</summary>
[Collection(SecondHost.Name)]
public sealed class DashboardTests(SecondHostFixture host)
{
    [Fact]
    public async Task The_dashboard_answers_HTTP_on_its_loopback_port_without_a_token_and_unlimited()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.DashboardPort.ToString(CultureInfo.InvariantCulture)}/") };

        using var page = await http.GetAsync(new Uri("", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        // The page polls every second; the API's rate limit (a burst of 3 on this host) does not apply to it.
        for (var i = 0; i < 3 * SecondHostFixture.Burst; i++)
        {
            using var counters = await http.GetAsync(new Uri("DashboardCounters", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
            Assert.Equal("application/json", counters.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_dashboard_is_not_served_on_the_gRPC_port()
    {
        using var http = new HttpClient
        {
            BaseAddress = new Uri(host.Address),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        // A token of its own, so the anonymous callers' shared rate limit bucket does not answer first.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.MintToken($"peeker-{Guid.NewGuid():N}", ApiRoles.Viewer));

        using var page = await http.GetAsync(new Uri("DashboardCounters", UriKind.Relative));

        // No such endpoint there (the API's fallback policy refuses an unknown path before routing could say 404).
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }
}
