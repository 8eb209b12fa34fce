using System.Security.Claims;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Components.Authorization;
using Planering.Contracts.Clients;
using Planering.Contracts.V1;
using Planering.Web.Hosting;

namespace Planering.Web.Api;

/// <summary>
/// One user's connection to the gRPC API for the life of a circuit: a channel that carries the user's bearer token
/// (as the CLI's <see cref="BearerChannel"/> does) and the four service clients. The API decides what is allowed;
/// the roles here only decide what a page offers.
/// </summary>
public sealed class ApiSession(AuthenticationStateProvider authentication, WebHostSetup setup) : IDisposable
{
    private GrpcChannel? _channel;
    private World? _world;

    public ClaimsPrincipal User { get; private set; } = new(new ClaimsIdentity());

    public RegistryService.RegistryServiceClient Registry => new(Channel);

    public SchedulingService.SchedulingServiceClient Scheduling => new(Channel);

    public ForecastService.ForecastServiceClient Forecast => new(Channel);

    public PlanningService.PlanningServiceClient Planning => new(Channel);

    private GrpcChannel Channel => _channel ?? throw new InvalidOperationException("call ReadyAsync first");

    /// <summary>Reads the signed-in user and opens the channel with their token; cheap after the first call.</summary>
    public async Task ReadyAsync()
    {
        if (_channel is not null)
        {
            return;
        }

        User = (await authentication.GetAuthenticationStateAsync()).User;
        _channel = BearerChannel.ForAddress(setup.ApiAddress(), User.Token());
    }

    public bool Can(string role) => User.IsInRole(role);

    public string Name => User.FindFirst(WebClaims.NameType)?.Value ?? string.Empty;

    /// <summary>Offices, every huvudman and the live plan, read once per circuit unless <paramref name="refresh"/>.</summary>
    public async Task<World> WorldAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        await ReadyAsync();
        if (_world is not null && !refresh)
        {
            return _world;
        }

        var offices = Registry.ListOfficesAsync(new ListOfficesRequest(), cancellationToken: cancellationToken).ResponseAsync;
        var plan = Planning.GetPlanAsync(new GetPlanRequest(), cancellationToken: cancellationToken).ResponseAsync;
        var huvudman = new List<Huvudman>();
        var token = string.Empty;
        do
        {
            var page = await Registry.ListHuvudmanAsync(new ListHuvudmanRequest { PageSize = 1000, PageToken = token }, cancellationToken: cancellationToken);
            huvudman.AddRange(page.Huvudman);
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        _world = new World((await offices).Offices.ToList(), huvudman, await plan);
        return _world;
    }

    public void Dispose() => _channel?.Dispose();
}
