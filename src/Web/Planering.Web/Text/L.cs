using System.Globalization;

namespace Planering.Web.Text;

/// <summary>
/// The app's two languages. Swedish is the default for everyone; English is the user's choice (a cookie). Each text is
/// written where it is used, Swedish first, so a page reads as its users read it.
/// </summary>
public static class L
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text in the user's language.</summary>
    public static string T(string swedish, string english) => English ? english : swedish;

    /// <summary>A whole number with the culture's grouping: "1 170" in Swedish.</summary>
    public static string N(double value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A number with one decimal: "8,1" in Swedish.</summary>
    public static string N1(double value) => value.ToString("N1", CultureInfo.CurrentCulture);

    /// <summary>A share as a whole percentage: "13 %" in Swedish.</summary>
    public static string P(double share) => share.ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>Dates are ISO in both languages ("2027-03-08"), as Swedish writes them.</summary>
    public static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string D(DateTimeOffset time) => time.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A protobuf time, or a dash when the API sent none (an empty world has no computed plan yet).</summary>
    public static string D(Google.Protobuf.WellKnownTypes.Timestamp? time) => time is null ? "–" : D(time.ToDateTimeOffset());

    public static string Role(string role) => role switch
    {
        "viewer" => T("läsare (ledning)", "viewer (management)"),
        "scheduler" => T("bokare", "scheduler"),
        "planner" => T("planerare", "planner"),
        _ => role,
    };

    public static string Mode(Contracts.V1.DialogueMode mode) => mode switch
    {
        Contracts.V1.DialogueMode.Digital => T("digitalt", "digital"),
        Contracts.V1.DialogueMode.OnSite => T("på plats", "on site"),
        _ => T("valfritt", "any"),
    };

    public static string Status(Contracts.V1.DialogueStatus status) => status switch
    {
        Contracts.V1.DialogueStatus.Booked => T("bokad", "booked"),
        Contracts.V1.DialogueStatus.Cancelled => T("avbokad", "cancelled"),
        Contracts.V1.DialogueStatus.Held => T("genomförd", "held"),
        _ => "?",
    };
}
