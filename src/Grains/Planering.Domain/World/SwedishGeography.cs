using System.Collections.Frozen;
using System.Globalization;
using Planering.Domain.Geography;

namespace Planering.Domain.World;

/// <summary>
/// The 21 län, the 290 kommuner and the regional offices, read once from the CSV files embedded in this assembly
/// (copied from shared/data; their origin is in World/Data/SOURCES.md).
/// </summary>
public sealed class SwedishGeography
{
    private static readonly Lazy<SwedishGeography> Shipped = new(Load);

    private readonly FrozenDictionary<string, Kommun> _kommunByCode;
    private readonly FrozenDictionary<string, Lan> _lanByCode;

    private SwedishGeography(IReadOnlyList<Lan> lan, IReadOnlyList<Kommun> kommuner, IReadOnlyList<OfficeSite> offices, IReadOnlyList<Larosate> larosaten)
    {
        Lan = lan;
        Larosaten = larosaten;
        Kommuner = kommuner;
        Offices = offices;
        _kommunByCode = kommuner.ToFrozenDictionary(k => k.Kommunkod, StringComparer.Ordinal);
        _lanByCode = lan.ToFrozenDictionary(l => l.Lanskod, StringComparer.Ordinal);
        KommunerByLan = kommuner.GroupBy(k => k.Lanskod, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Kommun>)g.OrderBy(k => k.Kommunkod, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The geography shipped with Planering.</summary>
    public static SwedishGeography Sweden => Shipped.Value;

    /// <summary>All län, ordered by code.</summary>
    public IReadOnlyList<Lan> Lan { get; }

    /// <summary>All kommuner, ordered by code.</summary>
    public IReadOnlyList<Kommun> Kommuner { get; }

    /// <summary>The kommuner of each län, ordered by code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Kommun>> KommunerByLan { get; }

    /// <summary>Universities and university colleges by the kommun of each campus (World/Data/larosaten.csv).</summary>
    public IReadOnlyList<Larosate> Larosaten { get; }

    /// <summary>The regional offices as of the seed data.</summary>
    public IReadOnlyList<OfficeSite> Offices { get; }

    public bool TryGetKommun(string? kommunkod, out Kommun kommun)
    {
        if (kommunkod is not null && _kommunByCode.TryGetValue(kommunkod, out var found))
        {
            kommun = found;
            return true;
        }

        kommun = null!;
        return false;
    }

    public Kommun Kommun(string kommunkod) =>
        _kommunByCode.TryGetValue(kommunkod, out var kommun) ? kommun : throw new KeyNotFoundException($"unknown kommunkod '{kommunkod}'");

    public bool TryGetLan(string? lanskod, out Lan lan)
    {
        if (lanskod is not null && _lanByCode.TryGetValue(lanskod, out var found))
        {
            lan = found;
            return true;
        }

        lan = null!;
        return false;
    }

    public Lan LanOf(string kommunkod) => _lanByCode[Kommun(kommunkod).Lanskod];

    /// <summary>The kommun whose seat is nearest to a position.</summary>
    public Kommun NearestKommun(GeoPosition position) => Kommuner.MinBy(k => k.Position.DistanceKmTo(position))!;

    private static SwedishGeography Load()
    {
        var lan = ReadCsv("lan.csv", row => new Lan(row["lanskod"], row["lan"], row["lan_kort"], Int(row["sportlov_vecka"])));
        var kommuner = ReadCsv("kommuner.csv", row => new Kommun(
            row["kommunkod"], row["kommun"], row["lanskod"], row["centralort"],
            new GeoPosition(Dbl(row["latitude"]), Dbl(row["longitude"])), Int(row["population"])));
        var offices = ReadCsv("offices.csv", row => new OfficeSite(
            row["office_id"], row["city"], row["kommunkod"],
            new GeoPosition(Dbl(row["latitude"]), Dbl(row["longitude"])),
            DateOnly.ParseExact(row["opened"], "yyyy-MM-dd", CultureInfo.InvariantCulture), Bool(row["spsm_colocated"])));
        var larosaten = ReadCsv("larosaten.csv", row => new Larosate(row["kommunkod"], row["larosate"], row["campus"]));
        return new SwedishGeography(
            lan.OrderBy(l => l.Lanskod, StringComparer.Ordinal).ToList(),
            kommuner.OrderBy(k => k.Kommunkod, StringComparer.Ordinal).ToList(),
            offices,
            larosaten);
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static bool Bool(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new InvalidOperationException($"'{text}' is not true or false"),
    };

    private static double Dbl(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // The shipped files are simple: a header row, comma-separated, no quoted fields (checked by a unit test).
    private static List<T> ReadCsv<T>(string file, Func<IReadOnlyDictionary<string, string>, T> map)
    {
        using var stream = typeof(SwedishGeography).Assembly.GetManifestResourceStream($"Planering.Domain.World.Data.{file}")
            ?? throw new InvalidOperationException($"embedded data file {file} is missing");
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? throw new InvalidOperationException($"{file} is empty")).Split(',');
        var rows = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidOperationException($"{file}: a row has {cells.Length} cells, the header {header.Length}: {line}");
            }

            rows.Add(map(header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }

        return rows;
    }
}
