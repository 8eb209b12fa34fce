using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Planering.Domain.Geography;
using Planering.Domain.Registry;
using Planering.Domain.Workload;

namespace Planering.Domain.Forecasting;

/// <summary>An office as the forecast sees it: where it is, who works there, and how many dialogues it held per past month.</summary>
public sealed record ForecastOffice(string OfficeId, string Kommunkod, GeoPosition Position, IReadOnlyList<Advisor> Advisors, IReadOnlyList<int> HeldPerMonth);

/// <summary>A huvudman as the forecast sees it: its office, size, place, and its last and next (booked) dialogue.</summary>
public sealed record ForecastHuvudman(string Id, string OfficeId, GeoPosition Position, int Pupils, DateOnly? LastDialogue, DateOnly? BookedDialogue);

/// <summary>
/// Turns the live world (offices, their staff and calendars, the assigned huvudmän) into a <see cref="ForecastInput"/>,
/// with the one workload model and capacity model every part of Planering uses.
/// </summary>
/// <remarks>
/// When a huvudman's next dialogue falls due:
/// <list type="bullet">
/// <item>booked: in the month of the booking;</item>
/// <item>held before, not booked: one cycle after the last dialogue (negative = overdue);</item>
/// <item>never held: spread evenly over the first cycle by a stable hash of its id — the first round reaches every
/// huvudman once within a cycle, not all of them in the first month.</item>
/// </list>
/// Hours per dialogue are the expected advisor hours under the model's digital/on-site mix, with travel from the
/// assigned office.
/// </remarks>
public static class ForecastInputBuilder
{
    public static ForecastInput Build(
        int startYear,
        int startMonth,
        long seed,
        int horizonMonths,
        int paths,
        ForecastParameters parameters,
        IReadOnlyList<ForecastOffice> offices,
        IReadOnlyList<ForecastHuvudman> huvudman,
        WorkloadModel workload,
        CapacityModel capacity)
    {
        var start = new DateOnly(startYear, startMonth, 1);
        var cycle = workload.Options.CycleMonths;
        var byOffice = huvudman.GroupBy(h => h.OfficeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var inputs = offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).Select(office =>
        {
            var demands = byOffice.GetValueOrDefault(office.OfficeId, [])
                .OrderBy(h => h.Id, StringComparer.Ordinal)
                .Select(h => Demand(h, office, start, cycle, workload))
                .ToList();
            return new OfficeForecastInput(
                office.OfficeId,
                capacity.MonthlyHours(office.Advisors, office.Kommunkod, startYear, startMonth, horizonMonths),
                office.Advisors.Count,
                office.Advisors.Sum(a => a.Fte),
                demands,
                office.HeldPerMonth.Count > 0 ? office.HeldPerMonth : null);
        }).ToList();

        return new ForecastInput(startYear, startMonth, seed, inputs) { HorizonMonths = horizonMonths, Paths = paths, Parameters = parameters };
    }

    /// <summary>Month index of a date relative to the forecast's first month.</summary>
    public static int MonthIndex(DateOnly start, DateOnly date) => ((date.Year - start.Year) * 12) + date.Month - start.Month;

    private static HuvudmanDemand Demand(ForecastHuvudman h, ForecastOffice office, DateOnly start, int cycle, WorkloadModel workload)
    {
        var hours = workload.ExpectedAdvisorHoursPerDialogue(h.Pupils, h.Position.DistanceKmTo(office.Position));
        if (h.BookedDialogue is { } booked)
        {
            var month = MonthIndex(start, booked);
            return new HuvudmanDemand(hours, cycle, month, month);
        }

        var due = h.LastDialogue is { } last
            ? MonthIndex(start, workload.NextDueDate(last))
            : (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(h.Id))) % (uint)cycle);
        return new HuvudmanDemand(hours, cycle, due);
    }
}
