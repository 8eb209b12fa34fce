using System.Globalization;

namespace Planering.Gateway.Tests;

/// <summary>
/// The shipped data files read straight from the repository (larosaten.csv, kommuner.csv), so a test can check the API
/// against the data without going through the code under test.
/// </summary>
internal static class ShippedData
{
    private static readonly Lazy<string> DataDirectory = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Planering.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Planering.sln not found above the test binaries"),
            "src", "Grains", "Planering.Domain", "World", "Data");
    });

    private static readonly Lazy<Dictionary<string, (double Latitude, double Longitude)>> Seats = new(() =>
        Rows("kommuner.csv").ToDictionary(r => r["kommunkod"], r => (Number(r["latitude"]), Number(r["longitude"])), StringComparer.Ordinal));

    private static readonly Lazy<List<(string Kommunkod, string Name)>> Campuses = new(() =>
        Rows("larosaten.csv").Select(r => (r["kommunkod"], r["larosate"])).ToList());

    public static IReadOnlyList<(string Kommunkod, string Name)> Larosaten => Campuses.Value;

    public static (double Latitude, double Longitude) Seat(string kommunkod) => Seats.Value[kommunkod];

    /// <summary>Great-circle kilometres (haversine, mean Earth radius 6371.0088 km).</summary>
    public static double Km((double Latitude, double Longitude) a, (double Latitude, double Longitude) b)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(b.Latitude - a.Latitude) / 2), 2)
            + (Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Pow(Math.Sin(Rad(b.Longitude - a.Longitude) / 2), 2));
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(h));
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(DataDirectory.Value, file)).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }
}
