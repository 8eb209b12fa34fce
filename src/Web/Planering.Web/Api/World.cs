using Planering.Contracts.V1;

namespace Planering.Web.Api;

/// <summary>What most pages show: the offices, every huvudman with its office in the live plan, and the plan's figures.</summary>
public sealed class World
{
    public World(IReadOnlyList<Office> offices, IReadOnlyList<Huvudman> huvudman, Plan plan)
    {
        Offices = offices.OrderBy(o => o.OfficeId, StringComparer.Ordinal).ToList();
        Huvudman = huvudman;
        Plan = plan;
        ByKommun = huvudman.GroupBy(h => h.Kommunkod).ToDictionary(g => g.Key, g => (IReadOnlyList<Huvudman>)g.ToList(), StringComparer.Ordinal);
        Lan = huvudman.GroupBy(h => h.Lanskod).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.First().Lan)).ToList();
        KommunNames = huvudman.GroupBy(h => h.Kommunkod).ToDictionary(g => g.Key, g => g.First().Kommun, StringComparer.Ordinal);
    }

    public IReadOnlyList<Office> Offices { get; }

    public IReadOnlyList<Huvudman> Huvudman { get; }

    public Plan Plan { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Huvudman>> ByKommun { get; }

    public IReadOnlyDictionary<string, string> KommunNames { get; }

    /// <summary>The 21 län, by code, with their names.</summary>
    public IReadOnlyList<(string Code, string Name)> Lan { get; }

    public Office? Office(string officeId) => Offices.FirstOrDefault(o => o.OfficeId == officeId);

    public string OfficeName(string officeId) => Office(officeId)?.Name is { Length: > 0 } name ? name : officeId;

    /// <summary>
    /// The office a kommun is coloured by: the office of the kommun itself as huvudman (it is always there), otherwise the
    /// office most of its huvudmän are assigned to.
    /// </summary>
    public string? OfficeOfKommun(string kommunkod, IReadOnlyDictionary<string, string>? moved = null)
    {
        if (!ByKommun.TryGetValue(kommunkod, out var all))
        {
            return null;
        }

        string OfficeOf(Huvudman h) => moved?.GetValueOrDefault(h.OrganisationNumber) ?? h.OfficeId;
        var municipal = all.FirstOrDefault(h => h.Type == HuvudmanType.Municipal);
        return municipal is not null
            ? OfficeOf(municipal)
            : all.GroupBy(OfficeOf).OrderByDescending(g => g.Count()).First().Key;
    }

    /// <summary>Colour-blind-safe colours (Okabe–Ito, then Tol's muted), one per office in id order; all hold 3:1 against white borders.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255", "#44AA99", "#999933", "#332288"];

    public string Colour(string? officeId)
    {
        if (string.IsNullOrEmpty(officeId))
        {
            return "#d0d0d0";
        }

        var index = Offices.ToList().FindIndex(o => o.OfficeId == officeId);
        return index < 0 ? "#6a3d9a" : Palette[index % Palette.Count];
    }
}
