using System.Runtime.CompilerServices;
using Planering.Domain.Calendar;
using Planering.Domain.Errors;
using Planering.Domain.Geography;
using Planering.Domain.Planning;
using Planering.Domain.Registry;
using Planering.Domain.Scheduling;
using Planering.Domain.Workload;

// These types moved to Planering.Kernel with their namespaces. Grain state is stored with Orleans' binary serializer,
// which names a type inside a collection by its assembly (List<DialogueMode> as "…DialogueMode,Planering.Domain"):
// the forwards let state written before the move resolve to the same types.
[assembly: TypeForwardedTo(typeof(ErrorCode))]
[assembly: TypeForwardedTo(typeof(FieldViolation))]
[assembly: TypeForwardedTo(typeof(PlaneringException))]
[assembly: TypeForwardedTo(typeof(Violations))]
[assembly: TypeForwardedTo(typeof(GeoPosition))]
[assembly: TypeForwardedTo(typeof(OrganisationNumber))]
[assembly: TypeForwardedTo(typeof(HuvudmanType))]
[assembly: TypeForwardedTo(typeof(DialogueMode))]
[assembly: TypeForwardedTo(typeof(LovKind))]
[assembly: TypeForwardedTo(typeof(LovSource))]
[assembly: TypeForwardedTo(typeof(SchoolCalendarPeriodKind))]
[assembly: TypeForwardedTo(typeof(PasklovRule))]
[assembly: TypeForwardedTo(typeof(StockholmTime))]
[assembly: TypeForwardedTo(typeof(SchoolYears))]
[assembly: TypeForwardedTo(typeof(RegistryRules))]
[assembly: TypeForwardedTo(typeof(DialogueIds))]
[assembly: TypeForwardedTo(typeof(EarlierElsewhere))]
[assembly: TypeForwardedTo(typeof(BindingLimit))]
[assembly: TypeForwardedTo(typeof(LoadStatus))]
