using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Planering.Silo;
using Planering.Silo.Web;
using Planering.TestSupport;

namespace Planering.Web.Tests;

/// <summary>
/// The production sign-in end to end: a silo whose API trusts an OpenID Connect provider (Planering:Auth:Authority) and
/// whose web app signs people in there (Planering:Web:Oidc). The person's roles come from the provider's claims, and the
/// access token the provider issued is what the API accepts on the person's behalf.
/// </summary>
[Collection(SharedWeb.Name)]
public sealed class OidcSignInTests(WebFixture web)
{
    [Fact]
    public async Task A_person_signs_in_at_the_identity_provider_and_the_api_accepts_its_token_with_its_roles()
    {
        await using var provider = await TestIdentityProvider.StartAsync();
        provider.Roles = ["viewer"];
        var directory = Path.Combine(Path.GetTempPath(), $"planering-oidc-{Guid.NewGuid():N}");
        var host = PlaneringHost.Build([
            $"--Planering:Storage:SqlitePath={Path.Combine(directory, "planering.db")}",
            "--Planering:Dashboard:Port=0",
            "--Planering:Api:Port=0",
            $"--Planering:Web:Port={FreePort.Next()}",
            "--Planering:Cluster:SiloPort=0",
            "--Planering:Cluster:GatewayPort=0",
            $"--Planering:Auth:Authority={provider.Authority}",
            $"--Planering:Web:Oidc:Authority={provider.Authority}",
            "--Planering:Web:Oidc:ClientId=planering-web",
            "--Planering:Web:Oidc:ApiScope=planering.api",
        ]);
        await host.StartAsync();
        try
        {
            // The API takes the provider's tokens: a planner's call through it answers.
            var api = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using (var channel = BearerChannel.ForAddress(api, provider.AccessToken("planner")))
            {
                Assert.NotEmpty((await new RegistryService.RegistryServiceClient(channel).ListOfficesAsync(new ListOfficesRequest())).Offices);
            }

            var context = await web.Browser.NewContextAsync(new() { BaseURL = host.Services.WebAddress() });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/prognos");

            // Not signed in: the sign-in page offers the agency's provider, and no local sign-in.
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in med myndighetens konto" })).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("input[name='role']").CountAsync());
            await page.GetByRole(AriaRole.Link, new() { Name = "Logga in med myndighetens konto" }).ClickAsync();

            // Back from the provider, signed in with its name and roles; the plan comes from the API with its token.
            await page.WaitForURLAsync(url => url.EndsWith("/prognos", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByTestId("user")).ToContainTextAsync("Oidc Testsson (läsare (ledning))");
            await Assertions.Expect(page.GetByTestId("forecast-version")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GotoAsync("/");
            await Assertions.Expect(page.GetByTestId("offices")).ToContainTextAsync("Solna");
            Assert.Equal(0, await page.Locator(".error").CountAsync());
            Assert.True(provider.TokensIssued >= 1);

            // A viewer is offered no what-if.
            await page.GotoAsync("/vad-hander-om");
            await Assertions.Expect(page.GetByTestId("planner-only")).ToBeVisibleAsync();
            await context.CloseAsync();
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
