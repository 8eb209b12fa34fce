using Google.Protobuf;

namespace Planering.Cli.Output;

/// <summary>
/// The protobuf JSON mapping of a response, field names in lowerCamelCase as every gRPC JSON tool prints them, with
/// zero values written out so a script does not have to know proto3's defaults.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    private static readonly JsonFormatter LineFormatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static string Format(IMessage message) => Formatter.Format(message);

    /// <summary>The same mapping on one line, for a stream of messages written as NDJSON.</summary>
    public static string FormatLine(IMessage message) => LineFormatter.Format(message);
}
