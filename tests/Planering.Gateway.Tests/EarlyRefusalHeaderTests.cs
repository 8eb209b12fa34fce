using System.Net;
using System.Net.Http.Headers;
using Planering.Gateway.Errors;
using Planering.Gateway.Security;

namespace Planering.Gateway.Tests;

/// <summary>
/// The grpc-message header of refusals written before a service runs (authentication, rate limit), read raw off the
/// wire: percent-encoded as the gRPC protocol defines it and no further, so that a client decoding only what the
/// protocol asks shows the message as written.
/// </summary>
public sealed class EarlyRefusalHeaderTests
{
    [Theory]
    [InlineData("caller; slow down: retry", "caller; slow down: retry")]
    [InlineData("100% full", "100%25 full")]
    [InlineData("Gävle län", "G%C3%A4vle l%C3%A4n")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("~ and space", "~ and space")]
    public void Only_bytes_outside_printable_ASCII_and_the_percent_sign_are_encoded(string message, string header) =>
        Assert.Equal(header, GrpcStatusResponse.PercentEncode(message));

    /// <summary>One unary gRPC request (an empty ListOffices) over HTTP/2 without a gRPC client, so the headers are as sent.</summary>
    internal static async Task<HttpResponseMessage> RawListOfficesAsync(HttpClient http, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("planering.v1.RegistryService/ListOffices", UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.TrailingHeaders.TryGetValues(name, out var trailing) ? string.Join(",", trailing)
        : throw new Xunit.Sdk.XunitException($"no {name} header; got {response.Headers}");
}

[Collection(SharedApi.Name)]
public sealed class UnauthenticatedHeaderTests(ApiFixture api)
{
    [Fact]
    public async Task An_UNAUTHENTICATED_refusal_keeps_spaces_colons_and_brackets_as_they_are()
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.Address) };

        using var response = await EarlyRefusalHeaderTests.RawListOfficesAsync(http, token: null);

        Assert.Equal("16", EarlyRefusalHeaderTests.Header(response, "grpc-status"));
        Assert.Equal("a bearer token is required (header authorization: Bearer <token>)", EarlyRefusalHeaderTests.Header(response, "grpc-message"));
    }
}

[Collection(SecondHost.Name)]
public sealed class RateLimitedHeaderTests(SecondHostFixture host)
{
    [Fact]
    public async Task A_RESOURCE_EXHAUSTED_refusal_keeps_its_semicolon()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Address) };
        var token = host.MintToken($"raw-{Guid.NewGuid():N}", ApiRoles.Viewer);
        for (var i = 0; i < 30; i++)
        {
            using var response = await EarlyRefusalHeaderTests.RawListOfficesAsync(http, token);
            if (EarlyRefusalHeaderTests.Header(response, "grpc-status") == "8")
            {
                Assert.Equal("too many calls from this caller; slow down and retry after the delay given", EarlyRefusalHeaderTests.Header(response, "grpc-message"));
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("30 calls in a row were never limited");
    }
}
