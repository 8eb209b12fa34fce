using Orleans.Storage;

namespace Planering.Silo.Storage;

/// <summary>How grain state is encoded in the database.</summary>
public static class GrainStateSerialization
{
    /// <summary>
    /// Stores grain state with Orleans' own binary serializer instead of the default JSON one: state classes and records
    /// are <c>[GenerateSerializer]</c> types whose <c>[Id]</c>s make the format version tolerant, and the JSON serializer's
    /// embedded .NET type names break on compiler-generated collection types.
    /// </summary>
    public static IServiceCollection AddPlaneringGrainStateSerializer(this IServiceCollection services) =>
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
}
