using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;

namespace Planering.Cli.Commands;

/// <summary>
/// The paging options of a listing: one page of <c>--page-size</c> (continued with <c>--page-token</c>), or every
/// page with <c>--all</c>, fetched in the largest pages the API allows.
/// </summary>
public sealed class Paging(string what)
{
    public const int MaxPageSize = 1000;

    private readonly Option<int> _pageSize = new("--page-size")
    {
        Description = $"How many {what} per page (1–{MaxPageSize})",
        DefaultValueFactory = _ => 50,
        HelpName = "N",
    };

    private readonly Option<string?> _pageToken = new("--page-token") { Description = "Continue from a previous page", HelpName = "TOKEN" };

    private readonly Option<bool> _all = new("--all") { Description = $"Every page: all matching {what}" };

    public void AddTo(Command command)
    {
        command.Add(_pageSize);
        command.Add(_pageToken);
        command.Add(_all);
    }

    public (int PageSize, string PageToken, bool All) Read(Invocation run)
    {
        var all = run.Value(_all);
        var size = run.Value(_pageSize);
        if (size is < 1 or > MaxPageSize)
        {
            throw new InputException("--page-size", $"must be between 1 and {MaxPageSize}");
        }

        return (all && !run.Given(_pageSize) ? MaxPageSize : size, run.Value(_pageToken) ?? string.Empty, all);
    }

    public static void NextPageHint(Invocation run, string nextPageToken)
    {
        if (nextPageToken.Length > 0)
        {
            run.Console.Write(new Spectre.Console.Text($"more: add --page-token {nextPageToken} (or --all)\n"));
        }
    }
}
