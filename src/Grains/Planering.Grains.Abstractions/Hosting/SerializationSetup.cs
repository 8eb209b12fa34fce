using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Planering.Grains.Hosting;

/// <summary>Serialization settings every silo and every client of the cluster must share.</summary>
public static class SerializationSetup
{
    /// <summary>
    /// Lets Orleans carry Planering's exceptions across grain calls with their data (error code, reason, field
    /// violations) instead of replacing them with a fallback type.
    /// </summary>
    public static IServiceCollection AddPlaneringSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Planering"));
}
