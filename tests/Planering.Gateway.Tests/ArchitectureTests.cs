using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Planering.Gateway.Planning;
using Planering.Grains.Planning;
using Proto = Planering.Contracts.V1;

namespace Planering.Gateway.Tests;

/// <summary>
/// The layering holds by construction: read from the compiled assemblies, the gateway names no type of the domain but
/// the planning parameters' record and its parts (the one exception docs/architecture.md states), never a grain class;
/// and the grain interfaces name no domain type but that record. The kernel (errors, ids, enums, limits) is free to all.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The planning parameters record and the option records it is made of: data and their validation, no algorithm.</summary>
    private static readonly string[] ParameterRecords =
    [
        "Planering.Domain.Parameters.PlanningParameters",
        "Planering.Domain.Parameters.OfficeParameters",
        "Planering.Domain.Calendar.OfficeHours",
        "Planering.Domain.Calendar.ShortenedDayRule",
        "Planering.Domain.Calendar.ShortenedDayKind",
        "Planering.Domain.Travel.TripOptions",
        "Planering.Domain.Travel.FerryRoute",
        "Planering.Domain.Workload.WorkloadOptions",
    ];

    [Fact]
    public void The_gateway_names_no_domain_type_but_the_planning_parameters_and_no_grain_class()
    {
        var referenced = TypesReferenced(typeof(PlanningApi).Assembly);
        Assert.Empty(referenced.Where(t => t.Assembly == "Planering.Domain" && !ParameterRecords.Contains(t.Type)).Select(t => t.Type));
        Assert.DoesNotContain(referenced, t => t.Assembly == "Planering.Grains");

        // The kernel is what the gateway does share with the domain, and it is used.
        Assert.Contains(referenced, t => t.Assembly == "Planering.Kernel" && t.Type == "Planering.Domain.Errors.PlaneringException");
    }

    [Fact]
    public void The_grain_interfaces_name_no_domain_type_but_the_planning_parameters()
    {
        var referenced = TypesReferenced(typeof(ISiteRankingGrain).Assembly);
        Assert.Equal(["Planering.Domain.Parameters.PlanningParameters"], referenced.Where(t => t.Assembly == "Planering.Domain").Select(t => t.Type).Distinct());
    }

    /// <summary>The gateway converts these enums by number; each value must mean the same on both sides.</summary>
    [Fact]
    public void Every_enum_the_gateway_converts_by_number_has_the_same_members_in_the_proto_and_the_domain()
    {
        AssertSameMembers<Proto.HuvudmanType, Planering.Domain.Registry.HuvudmanType>();
        AssertSameMembers<Proto.LovKind, Planering.Domain.Calendar.LovKind>();
        AssertSameMembers<Proto.LovSource, Planering.Domain.Calendar.LovSource>();
        AssertSameMembers<Proto.SchoolCalendarPeriodKind, Planering.Domain.Calendar.SchoolCalendarPeriodKind>();
        AssertSameMembers<Proto.PasklovRule, Planering.Domain.Calendar.PasklovRule>();
        AssertSameMembers<Proto.ShortenedDayKind, Planering.Domain.Calendar.ShortenedDayKind>();
        AssertSameMembers<Proto.InvitationStatus, Planering.Domain.Invitations.InvitationStatus>();
        AssertSameMembers<Proto.SizeBand, Planering.Domain.Invitations.SizeBand>();
    }

    [Fact]
    public void The_gateways_bound_on_a_wave_is_the_domains()
    {
        Assert.Equal(Planering.Domain.Siting.SiteWave.MaxSites, PlanningApi.MaxWaveSites);
    }

    /// <summary>Proto's value 0 is "unspecified" and has no domain member; every other value is one member, by name.</summary>
    private static void AssertSameMembers<TProto, TDomain>()
        where TProto : struct, Enum
        where TDomain : struct, Enum
    {
        static string Plain(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var proto = Enum.GetValues<TProto>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => Plain(v.ToString()));
        var domain = Enum.GetValues<TDomain>()
            .ToDictionary(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture), v => Plain(v.ToString()));
        Assert.Equal(domain.OrderBy(p => p.Key), proto.OrderBy(p => p.Key));
    }

    private static List<(string Assembly, string Type)> TypesReferenced(Assembly assembly)
    {
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var found = new List<(string, string)>();
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            if (type.ResolutionScope.Kind == HandleKind.AssemblyReference)
            {
                var from = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name);
                found.Add((from, $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}"));
            }
        }

        return found;
    }
}
