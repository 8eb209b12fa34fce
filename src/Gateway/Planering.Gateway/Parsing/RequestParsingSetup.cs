using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Planering.Gateway.Registry;

namespace Planering.Gateway.Parsing;

/// <summary>Puts <see cref="CheckedServiceMethodProvider{TService}"/> in place of grpc-dotnet's binder, and checks it stays there.</summary>
public static class RequestParsingSetup
{
    /// <summary>The grpc-dotnet type replaced (internal to Grpc.AspNetCore.Server, hence by name).</summary>
    private const string ReplacedProvider = "Grpc.AspNetCore.Server.Model.Internal.BinderServiceMethodProvider`1";

    /// <summary>Call after <c>AddGrpc</c> (and after anything else that calls it).</summary>
    public static IServiceCollection AddCheckedRequestParsing(this IServiceCollection services)
    {
        foreach (var binder in services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.FullName == ReplacedProvider).ToList())
        {
            services.Remove(binder);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(CheckedServiceMethodProvider<>)));
        return services;
    }

    /// <summary>
    /// Refuses to start when a later <c>AddGrpc</c> registered grpc-dotnet's binder again: every method would then have
    /// two endpoints, and unparseable requests would be UNKNOWN again.
    /// </summary>
    public static void EnsureInPlace(IServiceProvider services)
    {
        var providers = services.GetServices<IServiceMethodProvider<RegistryApi>>().Select(p => p.GetType()).ToList();
        if (providers.Any(p => p.FullName?.StartsWith(ReplacedProvider, StringComparison.Ordinal) == true) || !providers.Contains(typeof(CheckedServiceMethodProvider<RegistryApi>)))
        {
            throw new InvalidOperationException(
                $"AddGrpc was called after AddPlaneringGateway, which registered {ReplacedProvider} again; call AddPlaneringGateway last");
        }
    }
}
