using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

/// <summary>
/// The HTTP/JSON API (gRPC JSON transcoding) over real HTTP/1.1 on loopback, against the same host as the gRPC tests:
/// real data as JSON, the same token and roles, the same field checks, and an OpenAPI document listing the paths.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class HttpApiTests(ApiFixture api) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(api.HttpAddress) };

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    [Fact]
    public async Task A_read_method_answers_real_data_as_json()
    {
        using var office = await _http.SendAsync(Request(HttpMethod.Get, "/v1/offices/lulea", api.MintToken("http-viewer", ApiRoles.Viewer)));
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        Assert.Equal("application/json", office.Content.Headers.ContentType?.MediaType);
        using var lulea = JsonDocument.Parse(await office.Content.ReadAsStringAsync());
        Assert.Equal("lulea", lulea.RootElement.GetProperty("officeId").GetString());
        Assert.Equal("2580", lulea.RootElement.GetProperty("kommunkod").GetString());
        Assert.NotEmpty(lulea.RootElement.GetProperty("advisors").EnumerateArray());

        // Query parameters fill the request's fields: Kiruna's huvudmän, the kommun itself among them.
        using var listing = await _http.SendAsync(Request(HttpMethod.Get, "/v1/huvudman?kommunkod=2584&pageSize=5", api.Token));
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        using var kiruna = JsonDocument.Parse(await listing.Content.ReadAsStringAsync());
        var huvudman = kiruna.RootElement.GetProperty("huvudman").EnumerateArray().ToList();
        Assert.NotEmpty(huvudman);
        Assert.All(huvudman, h => Assert.Equal("2584", h.GetProperty("kommunkod").GetString()));
        Assert.Contains(huvudman, h => h.GetProperty("type").GetString() == "HUVUDMAN_TYPE_MUNICIPAL" && h.GetProperty("officeId").GetString() == "lulea");
    }

    [Fact]
    public async Task No_token_is_401_and_a_missing_role_is_403_and_nothing_changes()
    {
        using var anonymous = await _http.SendAsync(Request(HttpMethod.Get, "/v1/offices", token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var before = await api.Registry.GetOfficeAsync(new Contracts.V1.GetOfficeRequest { OfficeId = "lulea" });
        using var viewer = await _http.SendAsync(Request(HttpMethod.Put, "/v1/offices/lulea/staffing", api.MintToken("http-viewer", ApiRoles.Viewer), "{\"advisors\":[]}"));
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(before.Advisors.Count, (await api.Registry.GetOfficeAsync(new Contracts.V1.GetOfficeRequest { OfficeId = "lulea" })).Advisors.Count);
    }

    [Fact]
    public async Task A_bad_field_is_400_naming_the_field()
    {
        using var response = await _http.SendAsync(Request(HttpMethod.Get, "/v1/huvudman/12345", api.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, error.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("organisation_number", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        var badRequest = error.RootElement.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString()!.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal));
        Assert.Equal("organisation_number", badRequest.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_paths_and_the_bearer_scheme()
    {
        using var response = await _http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/offices/{office_id}").TryGetProperty("get", out var getOffice));
        Assert.Equal("office_id", getOffice.GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.True(paths.GetProperty("/v1/offices/{office_id}/staffing").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/v1/dialogues").TryGetProperty("post", out var book));
        Assert.EndsWith("planering.v1.BookDialogueRequest", book.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/v1/capacity-forecast:watch", out _));
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("components").GetProperty("schemas").TryGetProperty("planering.v1.Office", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Value.EnumerateObject().Any(o => o.Value.GetProperty("operationId").GetString() == "RegistryService_ImportHuvudman"));
    }
}
